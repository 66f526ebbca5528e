import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BRIDGE_CHANNELS, DEFAULT_SETTINGS, type BridgeResult } from '../../shared/bridge/contract.js';
import { BridgeFailure, toBridgeError } from '../../electron/ipc/bridge-failure.js';
import { bridgeHandler, NO_ARGUMENT, type InvokeEvent, type IpcRegistrar } from '../../electron/ipc/bridge-handler.js';
import type { HostServices } from '../../electron/ipc/host-services.js';
import { registerBridge } from '../../electron/ipc/register-bridge.js';
import type { SenderFrame } from '../../electron/ipc/sender-check.js';

const topFrame = (url: string): SenderFrame => ({ url, parent: null });
const appEvent: InvokeEvent = { senderFrame: topFrame('app://zqa/index.html#/review') };

function errnoError(code: string, filePath?: string): Error {
  return Object.assign(new Error(`${code}: something`), { code, path: filePath });
}

describe('bridgeHandler', () => {
  const echo = bridgeHandler(z.strictObject({ n: z.number().int() }), (args) => Promise.resolve(args.n * 2));

  it('returns { ok, value } for a valid call from the app', async () => {
    expect(await echo(appEvent, { n: 21 })).toEqual({ ok: true, value: 42 });
  });

  it('refuses a foreign sender before looking at the argument', async () => {
    const foreign: (SenderFrame | null)[] = [
      topFrame('https://evil.example/'),
      topFrame('file:///tmp/x.html'),
      topFrame('app://other/index.html'),
      { url: 'app://zqa/index.html', parent: topFrame('app://zqa/index.html') }, // an iframe, even of ours
      null, // the frame is gone
    ];
    for (const senderFrame of foreign) {
      const result = await echo({ senderFrame }, { n: 1 });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden-sender');
    }
  });

  it('refuses a wrong-typed argument with invalid-argument and the zod message, without running the service', async () => {
    let ran = false;
    const handler = bridgeHandler(z.strictObject({ n: z.number() }), () => ((ran = true), Promise.resolve(0)));
    for (const bad of [{ n: '1' }, { n: 1, extra: true }, 'n', null, undefined, [1]]) {
      const result = await handler(appEvent, bad);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-argument');
    }
    const result = await handler(appEvent, { n: '1' });
    if (!result.ok) expect(result.error.message).toMatch(/n: .*expected number/i);
    expect(await handler(appEvent, { n: 1 }, { n: 2 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(ran).toBe(false);
  });

  it('accepts no argument for methods that take none, and refuses one', async () => {
    const handler = bridgeHandler(NO_ARGUMENT, () => Promise.resolve('done'));
    expect(await handler(appEvent)).toEqual({ ok: true, value: 'done' });
    expect(await handler(appEvent, { sneaky: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('maps thrown errors to codes', async () => {
    const failing = (error: unknown) =>
      bridgeHandler(NO_ARGUMENT, () => {
        throw error;
      })(appEvent);
    const codeOf = async (error: unknown) => {
      const result = await failing(error);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await codeOf(errnoError('ENOSPC'))).toBe('disk-full');
    expect(await codeOf(errnoError('EROFS'))).toBe('read-only');
    expect(await codeOf(errnoError('EACCES'))).toBe('read-only');
    expect(await codeOf(errnoError('EPERM'))).toBe('read-only');
    expect(await codeOf(errnoError('ENOENT'))).toBe('not-found');
    expect(await codeOf(new BridgeFailure('too-large', 'big'))).toBe('too-large');
    expect(await codeOf(new TypeError('boom'))).toBe('internal');
    expect(await codeOf('a string')).toBe('internal');
  });
});

describe('toBridgeError', () => {
  it('says what happened in Chinese and English and names the path', () => {
    const error = toBridgeError(errnoError('ENOSPC', '/media/usb/a.zqa'));
    expect(error.code).toBe('disk-full');
    expect(error.message).toContain('磁盘空间不足');
    expect(error.message).toContain('No space left');
    expect(error.message).toContain('/media/usb/a.zqa');
    expect(toBridgeError(new Error('boom')).message).toContain('boom');
  });
});

describe('registerBridge', () => {
  function fakeServices(calls: string[]): HostServices {
    const record = <T>(name: string, value: T) => (...args: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(args)}`);
      return Promise.resolve(value);
    };
    return {
      settings: { get: record('settings.get', DEFAULT_SETTINGS), set: record('settings.set', DEFAULT_SETTINGS) },
      files: {
        open: record('files.open', null),
        openMany: record('files.openMany', { files: [], skipped: [] }),
        save: record('files.save', null),
        takePendingOpens: record('files.takePendingOpens', []),
        openHandle: record('files.openHandle', null),
        read: record('files.read', new Uint8Array(1)),
        close: record('files.close', null),
        beginSave: record('files.beginSave', null),
        append: record('files.append', null),
        patch: record('files.patch', null),
        commit: record('files.commit', { savedAs: '/media/usb/a.zqa' }),
        abort: record('files.abort', null),
      },
      keys: {
        publicKeys: record('keys.publicKeys', { signingKey: 's', encryptionKey: 'e' }),
        sign: record('keys.sign', new Uint8Array(64)),
        deriveBits: record('keys.deriveBits', new Uint8Array(32)),
        setDeviceRole: record('keys.setDeviceRole', { role: 'expert' }),
        exportBackup: record('keys.exportBackup', null),
        restoreBackup: record('keys.restoreBackup', { signingKey: 's', encryptionKey: 'e' }),
      },
      journal: {
        head: record('journal.head', { seq: 0, hash: '0'.repeat(64), checkpointSeq: 0, recordsSinceCheckpoint: 0, atRest: 'encrypted' as const, tornTailBytes: 0, damage: null }),
        append: record('journal.append', { status: 'appended' as const, seq: 1, hash: '1'.repeat(64) }),
        read: record('journal.read', { checkpoint: null, records: [], more: false }),
        blob: record('journal.blob', new Uint8Array(1)),
      },
    };
  }

  function register() {
    const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
    const ipc: IpcRegistrar = {
      handle(channel, listener) {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      },
    };
    const calls: string[] = [];
    registerBridge(ipc, fakeServices(calls));
    const invoke = (channel: string, ...args: unknown[]) => handlers.get(channel)!(appEvent, ...args) as Promise<BridgeResult<unknown>>;
    return { handlers, calls, invoke };
  }

  it('registers exactly one handler per contract channel', () => {
    expect([...register().handlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it("validates each channel's argument with the contract's schema", async () => {
    const { invoke, calls } = register();
    const refusals: [string, unknown][] = [
      [BRIDGE_CHANNELS['settings.set'], { fontSize: 99 }],
      [BRIDGE_CHANNELS['settings.set'], { theme: 'dark' }],
      [BRIDGE_CHANNELS['files.open'], { kind: 'exe' }],
      [BRIDGE_CHANNELS['files.save'], { kind: 'package', suggestedName: '../../etc/passwd', bytes: new Uint8Array(1) }],
      [BRIDGE_CHANNELS['files.save'], { kind: 'package', suggestedName: 'a.zqa', bytes: [1, 2, 3] }],
      [BRIDGE_CHANNELS['keys.sign'], { data: 'not bytes' }],
      [BRIDGE_CHANNELS['keys.deriveBits'], { peerPublicKey: new Uint8Array(0) }],
      [BRIDGE_CHANNELS['keys.exportBackup'], { passphrase: 'short' }],
      [BRIDGE_CHANNELS['keys.restoreBackup'], { passphrase: 'x' }],
      [BRIDGE_CHANNELS['keys.publicKeys'], { please: 'leak' }],
      [BRIDGE_CHANNELS['journal.append'], { expectedSeq: -1, expectedHash: '0'.repeat(64), record: new Uint8Array(1), blobs: [] }],
      [BRIDGE_CHANNELS['journal.append'], { expectedSeq: 0, expectedHash: 'not a hash', record: new Uint8Array(1), blobs: [] }],
      [BRIDGE_CHANNELS['journal.append'], { expectedSeq: 0, expectedHash: '0'.repeat(64), record: 'text', blobs: [] }],
      [BRIDGE_CHANNELS['journal.append'], { expectedSeq: 0, expectedHash: '0'.repeat(64), record: new Uint8Array(1), blobs: [{ sha256: '../../x', bytes: new Uint8Array(1) }] }],
      [BRIDGE_CHANNELS['journal.read'], { afterSeq: 0, maxBytes: 0 }],
      [BRIDGE_CHANNELS['journal.blob'], { sha256: '../device-keys.json' }],
      [BRIDGE_CHANNELS['journal.head'], { afterSeq: 0 }],
      [BRIDGE_CHANNELS['files.read'], { handle: 'not-a-handle', offset: 0, length: 1 }],
      [BRIDGE_CHANNELS['files.read'], { handle: 'a'.repeat(32), offset: -1, length: 1 }],
      [BRIDGE_CHANNELS['files.read'], { handle: 'a'.repeat(32), offset: 0, length: 64 * 1024 * 1024 }],
      [BRIDGE_CHANNELS['files.read'], { handle: 'a'.repeat(32), offset: 0, length: 0 }],
      [BRIDGE_CHANNELS['files.append'], { handle: 'a'.repeat(32), bytes: new Uint8Array(4 * 1024 * 1024 + 1) }],
      [BRIDGE_CHANNELS['files.append'], { handle: 'a'.repeat(32), bytes: 'text' }],
      [BRIDGE_CHANNELS['files.patch'], { handle: 'a'.repeat(32), offset: 1.5, bytes: new Uint8Array(1) }],
      [BRIDGE_CHANNELS['files.beginSave'], { kind: 'package', suggestedName: '../a.zqa' }],
      [BRIDGE_CHANNELS['files.beginSave'], { kind: 'package', suggestedName: 'a.zqa', bytes: new Uint8Array(1) }],
      [BRIDGE_CHANNELS['files.commit'], { handle: '../../etc/passwd' }],
      [BRIDGE_CHANNELS['files.abort'], {}],
      [BRIDGE_CHANNELS['files.close'], { handle: 'A'.repeat(32) }],
    ];
    for (const [channel, args] of refusals) {
      expect(await invoke(channel, args), channel).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(calls).toEqual([]);
  });

  it('passes valid arguments through to the service', async () => {
    const { invoke, calls } = register();
    expect(await invoke(BRIDGE_CHANNELS['settings.set'], { fontSize: 18 })).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(await invoke(BRIDGE_CHANNELS['keys.publicKeys'])).toEqual({ ok: true, value: { signingKey: 's', encryptionKey: 'e' } });
    expect(await invoke(BRIDGE_CHANNELS['files.save'], { kind: 'pdf', suggestedName: '现场评审报告.pdf', bytes: new Uint8Array([37, 80]) })).toEqual({ ok: true, value: null });
    expect(await invoke(BRIDGE_CHANNELS['files.read'], { handle: 'a'.repeat(32), offset: 5, length: 1 })).toEqual({ ok: true, value: new Uint8Array(1) });
    expect(await invoke(BRIDGE_CHANNELS['files.commit'], { handle: 'b'.repeat(32) })).toEqual({ ok: true, value: { savedAs: '/media/usb/a.zqa' } });
    expect(calls).toEqual([
      'settings.set [{"fontSize":18}]',
      'keys.publicKeys []',
      'files.save [{"kind":"pdf","suggestedName":"现场评审报告.pdf","bytes":{"0":37,"1":80}}]',
      `files.read [{"handle":"${'a'.repeat(32)}","offset":5,"length":1}]`,
      `files.commit [{"handle":"${'b'.repeat(32)}"}]`,
    ]);
  });
});
