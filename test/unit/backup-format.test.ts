import { describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, readU32, type BackupContents } from '../../shared/backup/backup-format.js';
import { openBackup, readBackupHeader } from '../../shared/backup/open-backup.js';
import { sealBackup } from '../support/seal-backup-v2.js';
import { resign, testBackupDevice } from './backup-test-device.js';

const PASS = '正确的口令 correct horse 42';

function contents(schemaVersion = 1): BackupContents {
  return {
    schemaVersion,
    createdAt: '2026-11-30T08:00:00.000Z',
    settings: { language: 'zh-CN', fontSize: 18, lastFolder: null },
    tables: [
      { name: 'reviews', rows: [{ id: 'r1', nested: { a: [1, 2, { b: '质量' }] }, gone: undefined, when: new Date('2026-11-30T09:00:00Z') }] },
      {
        name: 'attachments',
        rows: [
          { id: 'a1', blob: new Blob([new Uint8Array([1, 2, 3, 255])], { type: 'image/jpeg' }) },
          { id: 'a2', blob: new Blob([], { type: '' }), raw: new Uint8Array([9, 8]), odd: { $zqa: 'section', i: 0 }, inf: Number.POSITIVE_INFINITY },
        ],
      },
      { name: 'empty', rows: [] },
    ],
  };
}

// Each open or seal runs PBKDF2 with 600 000 iterations (≈0.3–1 s on this machine).
describe('database backup file', { timeout: 60_000 }, () => {
  it('round-trips every value IndexedDB keeps: Blobs with type, byte arrays, Dates, undefined, a user key named $zqa', async () => {
    const sealed = await sealBackup(contents(), PASS, await testBackupDevice());
    const opened = await openBackup(sealed, PASS, { maxSchemaVersion: 1 });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { tables, settings, schemaVersion } = opened.value;
    expect(schemaVersion).toBe(1);
    expect(settings).toEqual({ language: 'zh-CN', fontSize: 18, lastFolder: null });
    expect(tables.map((t) => t.name)).toEqual(['reviews', 'attachments', 'empty']);
    const review = tables[0]!.rows[0] as Record<string, unknown>;
    expect(review).toEqual({ id: 'r1', nested: { a: [1, 2, { b: '质量' }] }, gone: undefined, when: new Date('2026-11-30T09:00:00Z') });
    expect('gone' in review).toBe(true);
    const [a1, a2] = tables[1]!.rows as Record<string, unknown>[];
    expect(a1!['blob']).toBeInstanceOf(Blob);
    expect((a1!['blob'] as Blob).type).toBe('image/jpeg');
    expect([...new Uint8Array(await (a1!['blob'] as Blob).arrayBuffer())]).toEqual([1, 2, 3, 255]);
    expect((a2!['blob'] as Blob).size).toBe(0);
    expect(a2!['raw']).toEqual(new Uint8Array([9, 8]));
    expect(a2!['odd']).toEqual({ $zqa: 'section', i: 0 });
    expect(a2!['inf']).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps the clear header minimal and the data unreadable without the passphrase', async () => {
    const sealed = await sealBackup(contents(), PASS, await testBackupDevice());
    const header = readBackupHeader(sealed);
    expect(header.ok && header.value.header.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(header.ok && header.value.header.cipher.name).toBe('AES-256-GCM');
    const text = new TextDecoder().decode(sealed);
    expect(text).not.toContain('reviews');
    expect(text).not.toContain('fontSize');
  });

  it('refuses a wrong passphrase, a damaged file, a newer schema and a foreign file, each with its own code', async () => {
    // Each alteration below is signed again by the same device, so the checks behind the signature are reached.
    const device = await testBackupDevice();
    const sealed = await sealBackup(contents(3), PASS, device);
    const code = async (bytes: Uint8Array, pass = PASS, max = 4) => {
      const r = await openBackup(bytes, pass, { maxSchemaVersion: max });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code(sealed)).toBe('ok');
    expect(await code(sealed, 'wrong passphrase!!')).toBe('wrong-passphrase');
    expect(await code(sealed, PASS, 2)).toBe('newer-schema');
    const flipped = sealed.slice();
    flipped[flipped.length - 120]! ^= 0x01; // inside the ciphertext, before the signature trailer
    expect(await code(flipped)).toBe('bad-signature');
    expect(await code(await resign(flipped, device))).toBe('damaged');
    expect(await code(sealed.slice(0, sealed.length - 1))).toBe('bad-signature');
    expect(await code(sealed.slice(0, 10))).toBe('damaged');
    // A header edited to claim an older schema fails the authentication of the contents.
    const headerStart = BACKUP_MAGIC.length + 4;
    const headerLength = readU32(sealed, BACKUP_MAGIC.length);
    const headerText = new TextDecoder().decode(sealed.subarray(headerStart, headerStart + headerLength));
    const edited = sealed.slice();
    edited.set(new TextEncoder().encode(headerText.replace('"schemaVersion":3', '"schemaVersion":2')), headerStart);
    expect(await code(edited)).toBe('bad-signature');
    expect(await code(await resign(edited, device))).toBe('damaged');
    expect(await code(new TextEncoder().encode('PK\u0003\u0004 a zip, not a backup'))).toBe('not-a-backup');
  });

  it('refuses to write what must never leave the device, naming where it is', async () => {
    const key = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const withKey: BackupContents = { ...contents(), tables: [{ name: 'keys', rows: [{ id: 'device', pair: key }] }] };
    await expect(sealBackup(withKey, PASS, await testBackupDevice())).rejects.toThrow(/keys\[0\]\.pair\.(public|private)Key: a CryptoKey cannot be stored/);
    await expect(sealBackup(contents(), PASS, await testBackupDevice(), 1000)).rejects.toThrow(/600000/);
  });
});
