import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aesGcmCipher, loadJournalCipher } from '../../electron/journal/journal-cipher.js';
import { nodeJournalFiles } from '../../electron/journal/node-journal-files.js';
import type { SafeStorageLike } from '../../electron/keys/safe-storage.js';
import { blobRefTag, encodeJournalRecord } from '../../shared/journal/journal-record.js';
import { JournalStore } from '../../shared/journal/journal-store.js';
import { sha256Hex } from '../../shared/util/bytes.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zqa-journal-rest-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for the OS: "wraps" by XOR with a per-account secret (the real one is DPAPI, Keychain, libsecret). */
function fakeSafeStorage(account: number, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => Buffer.from(s).map((b) => b ^ account),
    decryptString: (b) => Buffer.from(b).map((x) => x ^ account).toString(),
  };
}

const SECRET = '申报单位的商业秘密：年产值十二亿元';

async function fill(store: JournalStore, photo: Uint8Array) {
  const sha256 = await sha256Hex(photo);
  const record = encodeJournalRecord({
    v: 1, schema: 5, at: '2026-11-30T08:00:00.000Z', reset: false,
    ops: [{ t: 'notes', put: [['n1', { text: SECRET }]] }, { t: 'attachments', put: [['a1', { blob: blobRefTag({ sha256, size: photo.byteLength, kind: 'blob', type: 'image/jpeg' }) }]] }],
  });
  const h = store.head();
  expect(await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record, blobs: [{ sha256, bytes: photo }] })).toMatchObject({ status: 'appended' });
  expect(await store.compact()).toBe(true);
}

function everyFile(): Buffer[] {
  return [...readdirSync(dir).filter((n) => n !== 'blobs').map((n) => readFileSync(join(dir, n))), ...readdirSync(join(dir, 'blobs')).map((n) => readFileSync(join(dir, 'blobs', n)))];
}

describe('the journal at rest in Electron', () => {
  it('keeps records, checkpoints and blobs encrypted under a device key wrapped by the OS', async () => {
    const keyFile = join(dir, 'journal-key.bin');
    const cipher = await loadJournalCipher({ safeStorage: fakeSafeStorage(0x5a), platform: 'linux', keyFilePath: keyFile });
    expect(cipher?.name).toBe('aes-256-gcm');
    const photo = new Uint8Array(randomBytes(4096));
    photo.set(Buffer.from(SECRET), 100);
    const store = await JournalStore.open(await nodeJournalFiles(join(dir)), cipher!);
    await fill(store, photo);
    await store.close();
    for (const bytes of everyFile()) expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    // The same OS account opens it again.
    const again = await JournalStore.open(await nodeJournalFiles(dir), (await loadJournalCipher({ safeStorage: fakeSafeStorage(0x5a), platform: 'linux', keyFilePath: keyFile }))!);
    expect(again.head()).toMatchObject({ seq: 1, atRest: 'encrypted', damage: null });
    const read = await again.read(0);
    expect(new TextDecoder().decode(read.checkpoint!.body)).toContain(SECRET);
    const blob = await again.blob(await sha256Hex(photo));
    expect(blob).toEqual(photo);
  });

  it('reads nothing under another key: the records are reported damaged, never returned', async () => {
    const store = await JournalStore.open(await nodeJournalFiles(dir), aesGcmCipher(new Uint8Array(randomBytes(32))));
    const photo = new Uint8Array(randomBytes(100));
    const photoSha = await sha256Hex(photo);
    await fill(store, photo);
    await store.close();
    const stranger = await JournalStore.open(await nodeJournalFiles(dir), aesGcmCipher(new Uint8Array(randomBytes(32))));
    await expect(stranger.read(0)).rejects.toThrow(/no checkpoint holds them/);
    await expect(stranger.blob(photoSha)).rejects.toThrow(/does not decrypt/);
  });

  it('refuses to open when the key exists but the OS cannot unwrap it now, rather than set the journal aside', async () => {
    const keyFile = join(dir, 'journal-key.bin');
    await loadJournalCipher({ safeStorage: fakeSafeStorage(7), platform: 'linux', keyFilePath: keyFile });
    const locked: SafeStorageLike = { ...fakeSafeStorage(7), isEncryptionAvailable: () => false };
    await expect(loadJournalCipher({ safeStorage: locked, platform: 'linux', keyFilePath: keyFile })).rejects.toThrow(/安全密钥存储|secure key storage/);
  });

  it('has no key where the OS offers no real protection (the journal is then kept plain, and says so)', async () => {
    expect(await loadJournalCipher({ safeStorage: fakeSafeStorage(1, 'basic_text'), platform: 'linux', keyFilePath: join(dir, 'k') })).toBeNull();
    const store = await JournalStore.open(await nodeJournalFiles(dir));
    expect(store.head().atRest).toBe('plain');
  });
});
