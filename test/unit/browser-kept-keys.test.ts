import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createBrowserKeys } from '../../renderer/src/host/browser-keys.js';
import { createKeptKeys, decodeKeptKeys, type KeptKeyFile } from '../../renderer/src/host/kept-device-keys.js';
import { signedBytes } from '../../shared/crypto/sign-request.js';
import { fromBase64 } from '../../shared/util/bytes.js';

function memoryFile(initial: Uint8Array | null = null): KeptKeyFile & { bytes: Uint8Array | null } {
  const file = {
    bytes: initial,
    read: () => Promise.resolve(file.bytes),
    write: (b: Uint8Array) => {
      file.bytes = b.slice();
      return Promise.resolve();
    },
  };
  return file;
}

const ECDSA_VERIFY = { name: 'ECDSA', hash: 'SHA-256' } as const;
const idb = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

async function verifies(signingKey: string, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = await crypto.subtle.importKey('spki', fromBase64(signingKey) as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify(ECDSA_VERIFY, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
}

describe('the browser host’s device keys kept outside IndexedDB', () => {
  it('come back whole after the origin’s IndexedDB is deleted: the same public keys, signatures that verify, the same shared secrets', async () => {
    const file = memoryFile();
    const before = createBrowserKeys(idb(), crypto.subtle, file);
    const pub = await before.publicKeys();
    if (!pub.ok) throw new Error(pub.error.message);
    expect(file.bytes).not.toBeNull();
    expect(await before.survivesDatabaseLoss?.()).toBe(true);
    const peer = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const peerPublicKey = new Uint8Array(await crypto.subtle.exportKey('spki', peer.publicKey));
    const secretBefore = await before.deriveBits({ peerPublicKey });

    // A new, empty IndexedDB (Chromium's corruption recovery), the same kept file.
    const after = createBrowserKeys(idb(), crypto.subtle, file);
    expect(await after.publicKeys()).toEqual(pub);
    const request = { purpose: 'declaration' as const, data: new TextEncoder().encode('{"声明":true}') };
    const signature = await after.sign(request);
    if (!signature.ok) throw new Error(signature.error.message);
    expect(await verifies(pub.value.signingKey, signedBytes(request), signature.value)).toBe(true);
    expect(await after.deriveBits({ peerPublicKey })).toEqual(secretBefore);
    expect(await after.survivesDatabaseLoss?.()).toBe(true);
  });

  it('are used as non-extractable keys: the page cannot read the private halves back', async () => {
    const keys = await createKeptKeys(crypto.subtle, memoryFile(), new Date('2026-12-01T08:00:00Z'));
    expect(keys.signing.privateKey.extractable).toBe(false);
    expect(keys.encryption.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.signing.privateKey)).rejects.toThrow();
  });

  it('says when the keys are in IndexedDB only (made before they were kept, or no place to keep them)', async () => {
    const api = idb();
    const legacy = createBrowserKeys(api, crypto.subtle, null);
    const pub = await legacy.publicKeys();
    if (!pub.ok) throw new Error(pub.error.message);
    expect(await legacy.survivesDatabaseLoss?.()).toBe(false);
    // The same database later opened with a place to keep keys: nothing kept yet, and it says so.
    const file = memoryFile();
    const reopened = createBrowserKeys(api, crypto.subtle, file);
    expect(await reopened.publicKeys()).toEqual(pub);
    expect(await reopened.survivesDatabaseLoss?.()).toBe(false);
    expect(file.bytes).toBeNull();
  });

  it('refuses a damaged kept file with a clear error and never replaces it with new keys', async () => {
    const damaged = new TextEncoder().encode('{"format":"zqa-device-keys","version":1,"signing":{"privateKey":"AAAA","publicKey":"AAAA"}}');
    const file = memoryFile(damaged);
    const keys = createBrowserKeys(idb(), crypto.subtle, file);
    const pub = await keys.publicKeys();
    expect(pub.ok).toBe(false);
    if (!pub.ok) expect(pub.error.message).toMatch(/the kept device keys have no valid encryption/);
    expect(file.bytes).toEqual(damaged);
    await expect(decodeKeptKeys(crypto.subtle, new TextEncoder().encode('not json'))).rejects.toThrow('not readable JSON');
    await expect(decodeKeptKeys(crypto.subtle, new TextEncoder().encode('{"format":"other"}'))).rejects.toThrow('unknown format');
  });
});
