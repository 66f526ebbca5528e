import { signedBytes } from '../../shared/crypto/sign-request.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/bridge/contract.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { createBrowserKeys } from '../../renderer/src/host/browser-keys.js';
import { SETTINGS_STORAGE_KEY, createBrowserSettings, readSanitisedSettings } from '../../renderer/src/host/browser-settings.js';

function memoryStorage(initial?: string) {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(SETTINGS_STORAGE_KEY, initial);
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

describe('browser host settings', () => {
  it('falls back field by field when what is stored is bad', () => {
    expect(readSanitisedSettings(memoryStorage())).toEqual(DEFAULT_SETTINGS);
    expect(readSanitisedSettings(memoryStorage('not json'))).toEqual(DEFAULT_SETTINGS);
    expect(readSanitisedSettings(memoryStorage(JSON.stringify({ language: 'en', fontSize: 400, lastFolder: 7, extra: true })))).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'en',
    });
  });

  it('stores a valid patch and refuses an invalid one, changing nothing', async () => {
    const storage = memoryStorage();
    const settings = createBrowserSettings(storage);
    expect(await settings.set({ fontSize: 20 })).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, fontSize: 20 } });
    const refused = await settings.set({ fontSize: 11 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid-argument');
    expect(await settings.get()).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, fontSize: 20 } });
  });
});

describe('browser host keys', () => {
  const keys = () => createBrowserKeys({ indexedDB: new IDBFactory(), IDBKeyRange }, crypto.subtle);

  it('creates P-256 keys once, signs as raw r‖s and derives 32-byte secrets', async () => {
    const holder = keys();
    const pub = await holder.publicKeys();
    if (!pub.ok) throw new Error(pub.error.message);
    expect(await holder.publicKeys()).toEqual(pub);
    const data = new TextEncoder().encode('declaration');
    const signature = await holder.sign({ purpose: 'declaration', data: new Uint8Array([0x7b, ...data]) });
    if (!signature.ok) throw new Error(signature.error.message);
    expect(signature.value.byteLength).toBe(64);
    const verifyKey = await crypto.subtle.importKey('spki', fromBase64(pub.value.signingKey) as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifyKey, signature.value as Uint8Array<ArrayBuffer>, signedBytes({ purpose: 'declaration', data: new Uint8Array([0x7b, ...data]) }) as Uint8Array<ArrayBuffer>)).toBe(true);

    const peer = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const peerSpki = new Uint8Array(await crypto.subtle.exportKey('spki', peer.publicKey));
    const secret = await holder.deriveBits({ peerPublicKey: peerSpki });
    if (!secret.ok) throw new Error(secret.error.message);
    const ours = await crypto.subtle.importKey('spki', fromBase64(pub.value.encryptionKey) as Uint8Array<ArrayBuffer>, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const expected = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: ours }, peer.privateKey, 256));
    expect(secret.value).toEqual(expected);
  });

  it('refuses a bad peer key and says backups need the desktop app', async () => {
    const holder = keys();
    const bad = await holder.deriveBits({ peerPublicKey: new Uint8Array([1, 2, 3]) });
    expect(bad.ok || bad.error.code).toBe('invalid-argument');
    const backup = await holder.exportBackup({ passphrase: 'correct horse battery staple' });
    expect(backup.ok || backup.error.code).toBe('key-storage-unavailable');
    if (!backup.ok) expect(backup.error.message).toContain('desktop app');
  });
});
