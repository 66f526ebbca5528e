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

  it("is, deeply, the contract's channel list: groups of plain functions, nothing more at any level", () => {
    const expected: Record<string, Record<string, string>> = {};
    for (const method of Object.keys(BRIDGE_CHANNELS)) {
      const [group, name] = method.split('.') as [string, string];
      (expected[group] ??= {})[name] = 'function';
    }
    /** Every own key (enumerable or not, symbols too) of the exposed object, recursively. */
    const shape = (value: unknown, at: string): unknown => {
      if (typeof value === 'function') {
        const extra = Reflect.ownKeys(value).filter((k) => !['length', 'name', 'prototype'].includes(String(k)));
        expect(extra, `${at} carries properties`).toEqual([]);
        return 'function';
      }
      expect(value !== null && typeof value === 'object', `${at} is an object or a function`).toBe(true);
      expect(Object.getPrototypeOf(value), `${at} is a plain object`).toBe(Object.prototype);
      return Object.fromEntries(Reflect.ownKeys(value as object).map((k) => [String(k), shape((value as Record<PropertyKey, unknown>)[k], `${at}.${String(k)}`)]));
    };
    expect(shape(exposed[0]?.api, 'window.zqa')).toEqual(expected);
  });

  it('every method invokes its own channel once, with at most the one argument it was given', async () => {
    const api = exposed[0]?.api as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
    for (const [method, channel] of Object.entries(BRIDGE_CHANNELS)) {
      const [group, name] = method.split('.') as [string, string];
      invoked.length = 0;
      const argument = { probe: method };
      await api[group]![name]!(argument, 'a second argument');
      expect(invoked, method).toHaveLength(1);
      expect(invoked[0]![0], method).toBe(channel);
      expect(invoked[0]!.slice(1).every((a) => a === argument), method).toBe(true);
      expect(invoked[0]!.length, method).toBeLessThanOrEqual(2);
    }
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
    await api.files.openMany({ kind: 'package', from: 'folder' });
    expect(invoked).toEqual([
      [BRIDGE_CHANNELS['settings.get']],
      [BRIDGE_CHANNELS['settings.set'], { fontSize: 16 }],
      [BRIDGE_CHANNELS['files.save'], { kind: 'package', suggestedName: 'a.zqa', bytes }],
      [BRIDGE_CHANNELS['keys.sign'], { purpose: 'manifest', data: bytes }],
      [BRIDGE_CHANNELS['files.takePendingOpens']],
      [BRIDGE_CHANNELS['files.openMany'], { kind: 'package', from: 'folder' }],
    ]);
  });
});
