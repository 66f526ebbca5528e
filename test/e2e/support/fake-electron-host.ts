/**
 * Runs in the page before the app (page.addInitScript): a stand-in for Electron's preload
 * bridge, `window.zqa`, so the renderer meets the file errors only the desktop host can
 * report. Files: each save takes the next code from `window.__zqaSaveFaults` ('disk-full',
 * 'read-only', 'not-found' as electron/files maps ENOSPC, EROFS/EACCES, ENOENT) and fails
 * with it; with none left it succeeds and keeps the bytes in `window.__zqaSaved`. Keys and
 * settings behave as the real host's do (WebCrypto P-256, private keys non-extractable).
 */
export function installFakeElectronHost(): void {
  type Res<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  const ok = <T>(value: T): Res<T> => ({ ok: true, value });
  const fail = <T>(code: string, message: string): Res<T> => ({ ok: false, error: { code, message } });
  const w = window as unknown as { zqa?: unknown; __zqaSaveFaults: string[]; __zqaSaved: { name: string; bytes: Uint8Array }[] };
  w.__zqaSaveFaults = [];
  w.__zqaSaved = [];
  let settings = { language: 'zh-CN', fontSize: 14, lastFolder: null as string | null };
  const b64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
  let pairs: Promise<{ signing: CryptoKeyPair; encryption: CryptoKeyPair }> | undefined;
  const keys = () =>
    (pairs ??= (async () => ({
      signing: await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']),
      encryption: await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']),
    }))());
  const messages: Record<string, string> = {
    'disk-full': 'ENOSPC: no space left on device, write',
    'read-only': 'EROFS: read-only file system, open',
    'not-found': 'ENOENT: no such file or directory, open',
  };
  w.zqa = {
    settings: {
      get: () => Promise.resolve(ok(settings)),
      set: (patch: object) => Promise.resolve(ok((settings = { ...settings, ...patch }))),
    },
    files: {
      open: () => Promise.resolve(ok(null)),
      save: ({ suggestedName, bytes }: { suggestedName: string; bytes: Uint8Array }) => {
        const code = w.__zqaSaveFaults.shift();
        if (code) return Promise.resolve(fail(code, messages[code] ?? code));
        w.__zqaSaved.push({ name: suggestedName, bytes });
        return Promise.resolve(ok({ savedAs: `/media/usb/${suggestedName}` }));
      },
      takePendingOpens: () => Promise.resolve(ok([])),
    },
    keys: {
      publicKeys: async () => {
        const k = await keys();
        return ok({ signingKey: b64(await crypto.subtle.exportKey('spki', k.signing.publicKey)), encryptionKey: b64(await crypto.subtle.exportKey('spki', k.encryption.publicKey)) });
      },
      sign: async ({ data }: { data: Uint8Array }) => ok(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, (await keys()).signing.privateKey, data as Uint8Array<ArrayBuffer>))),
      deriveBits: async ({ peerPublicKey }: { peerPublicKey: Uint8Array }) => {
        const peer = await crypto.subtle.importKey('spki', peerPublicKey as Uint8Array<ArrayBuffer>, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
        return ok(new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, (await keys()).encryption.privateKey, 256)));
      },
      exportBackup: () => Promise.resolve(fail('internal', 'not in this test')),
      restoreBackup: () => Promise.resolve(fail('internal', 'not in this test')),
    },
  };
}
