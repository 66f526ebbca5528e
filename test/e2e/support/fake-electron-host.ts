/**
 * Runs in the page before the app (page.addInitScript): a stand-in for Electron's preload
 * bridge, `window.zqa`, so the renderer meets the file errors only the desktop host can
 * report. Files: each save (whole, or by handle on its first slice) takes the next code from `window.__zqaSaveFaults` ('disk-full',
 * 'read-only', 'not-found' as electron/files maps ENOSPC, EROFS/EACCES, ENOENT) and fails
 * with it; with none left it succeeds and keeps the bytes in `window.__zqaSaved`. Keys and
 * settings behave as the real host's do (WebCrypto P-256, private keys non-extractable); the
 * journal keeps its records in the page's memory (the real one is tested in Node).
 */
export function installFakeElectronHost(): void {
  type Res<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  const ok = <T>(value: T): Res<T> => ({ ok: true, value });
  const fail = <T>(code: string, message: string): Res<T> => ({ ok: false, error: { code, message } });
  const w = window as unknown as { zqa?: unknown; __zqaSaveFaults: string[]; __zqaSaved: { name: string; bytes: Uint8Array }[] };
  w.__zqaSaveFaults = [];
  w.__zqaSaved = [];
  let settings = { language: 'zh-CN', fontSize: 14, lastFolder: null as string | null, photoLongEdge: 2048, keepPhotoOriginals: false };
  const b64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
  let pairs: Promise<{ signing: CryptoKeyPair; encryption: CryptoKeyPair }> | undefined;
  const keys = () =>
    (pairs ??= (async () => ({
      signing: await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']),
      encryption: await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']),
    }))());
  const saving = new Map<string, { name: string; parts: Uint8Array[]; fault: string | undefined }>();
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
      openMany: () => Promise.resolve(ok({ files: [], skipped: [] })),
      save: ({ suggestedName, bytes }: { suggestedName: string; bytes: Uint8Array }) => {
        const code = w.__zqaSaveFaults.shift();
        if (code) return Promise.resolve(fail(code, messages[code] ?? code));
        w.__zqaSaved.push({ name: suggestedName, bytes });
        return Promise.resolve(ok({ savedAs: `/media/usb/${suggestedName}` }));
      },
      takePendingOpens: () => Promise.resolve(ok([])),
      // Saves by handle meet the same faults, on their first slice (a disk that fills, a stick pulled while writing).
      beginSave: ({ suggestedName }: { suggestedName: string }) => {
        const handle = crypto.randomUUID().replaceAll('-', '');
        saving.set(handle, { name: suggestedName, parts: [], fault: w.__zqaSaveFaults.shift() });
        return Promise.resolve(ok({ handle, savedAs: `/media/usb/${suggestedName}` }));
      },
      append: ({ handle, bytes }: { handle: string; bytes: Uint8Array }) => {
        const file = saving.get(handle);
        if (!file) return Promise.resolve(fail('not-found', 'no such handle'));
        if (file.fault) return Promise.resolve(fail(file.fault, messages[file.fault] ?? file.fault));
        file.parts.push(bytes.slice());
        return Promise.resolve(ok(null));
      },
      // A zip's local header is patched with its CRC-32 once the entry's data is through.
      patch: ({ handle, offset, bytes }: { handle: string; offset: number; bytes: Uint8Array }) => {
        const file = saving.get(handle);
        if (!file) return Promise.resolve(fail('not-found', 'no such handle'));
        if (offset + bytes.length > file.parts.reduce((n, p) => n + p.length, 0)) return Promise.resolve(fail('invalid-argument', 'patch past the end'));
        let at = 0;
        for (const part of file.parts) {
          for (let i = Math.max(0, offset - at); i < part.length && at + i < offset + bytes.length; i++) part[i] = bytes[at + i - offset]!;
          at += part.length;
        }
        return Promise.resolve(ok(null));
      },
      commit: ({ handle }: { handle: string }) => {
        const file = saving.get(handle);
        if (!file) return Promise.resolve(fail('not-found', 'no such handle'));
        saving.delete(handle);
        const bytes = new Uint8Array(file.parts.reduce((n, p) => n + p.length, 0));
        file.parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
        w.__zqaSaved.push({ name: file.name, bytes });
        return Promise.resolve(ok({ savedAs: `/media/usb/${file.name}` }));
      },
      abort: ({ handle }: { handle: string }) => {
        saving.delete(handle);
        return Promise.resolve(ok(null));
      },
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
    journal: (() => {
      const records: { seq: number; hash: string; record: Uint8Array }[] = [];
      const blobs = new Map<string, Uint8Array>();
      let head = { seq: 0, hash: '0'.repeat(64) };
      const headOf = () => ({ ...head, checkpointSeq: 0, recordsSinceCheckpoint: head.seq, atRest: 'encrypted', tornTailBytes: 0, damage: null });
      return {
        head: () => Promise.resolve(ok(headOf())),
        append: (args: { expectedSeq: number; expectedHash: string; record: Uint8Array; blobs: { sha256: string; bytes: Uint8Array }[] }) => {
          if (args.expectedSeq !== head.seq || args.expectedHash !== head.hash) return Promise.resolve(ok({ status: 'stale', head: headOf() }));
          for (const b of args.blobs) blobs.set(b.sha256, b.bytes.slice());
          // The chain hash as the real host computes it (shared/journal/segment-format.ts): the
          // writer checks the host's answer against its own.
          const seq = head.seq + 1;
          const input = new Uint8Array(36 + args.record.byteLength);
          for (let i = 0; i < 32; i++) input[i] = parseInt(head.hash.slice(i * 2, i * 2 + 2), 16);
          new DataView(input.buffer).setUint32(32, seq, false);
          input.set(args.record, 36);
          return crypto.subtle.digest('SHA-256', input).then((digest) => {
            head = { seq, hash: [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('') };
            records.push({ ...head, record: args.record.slice() });
            return ok({ status: 'appended', ...head });
          });
        },
        read: ({ afterSeq }: { afterSeq: number }) => Promise.resolve(ok({ checkpoint: null, records: records.filter((r) => r.seq > afterSeq), more: false })),
        blob: ({ sha256 }: { sha256: string }) => Promise.resolve(blobs.has(sha256) ? ok(blobs.get(sha256)!) : fail('not-found', sha256)),
      };
    })(),
  };
}
