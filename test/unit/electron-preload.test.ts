import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, type HostBridge } from '../../shared/bridge/contract.js';

// The preload runs inside Electron; here `electron` is replaced by a recorder of what the
// preload does with contextBridge and ipcRenderer.
const exposed = vi.hoisted(() => [] as { name: string; api: unknown }[]);
const invoked = vi.hoisted(() => [] as unknown[][]);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.push({ name, api }) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: () => {
      throw new Error('the preload must not use send');
    },
    on: () => {
      throw new Error('the preload must not hand out IPC events');
    },
  },
}));

beforeAll(async () => {
  await import('../../electron/preload.js');
});

describe('preload', () => {
  it('exposes exactly one object, window.zqa', () => {
    expect(exposed.map((e) => e.name)).toEqual(['zqa']);
  });

  it('has one method per contract capability and nothing else', () => {
    const api = exposed[0]?.api as Record<string, Record<string, unknown>>;
    const methods = Object.entries(api).flatMap(([group, members]) => Object.keys(members).map((name) => `${group}.${name}`));
    expect(methods.sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
    for (const group of Object.values(api)) for (const member of Object.values(group)) expect(typeof member).toBe('function');
  });

  it('makes one invoke per call, on the method’s own channel, with exactly its argument', async () => {
    const api = exposed[0]?.api as HostBridge;
    invoked.length = 0;
    const bytes = new Uint8Array([1, 2]);
    await api.settings.get();
    await api.settings.set({ fontSize: 16 });
    await api.files.save({ kind: 'package', suggestedName: 'a.zqa', bytes });
    await api.keys.sign({ purpose: 'manifest', data: bytes });
    await api.files.takePendingOpens();
    expect(invoked).toEqual([
      [BRIDGE_CHANNELS['settings.get']],
      [BRIDGE_CHANNELS['settings.set'], { fontSize: 16 }],
      [BRIDGE_CHANNELS['files.save'], { kind: 'package', suggestedName: 'a.zqa', bytes }],
      [BRIDGE_CHANNELS['keys.sign'], { purpose: 'manifest', data: bytes }],
      [BRIDGE_CHANNELS['files.takePendingOpens']],
    ]);
  });
});
