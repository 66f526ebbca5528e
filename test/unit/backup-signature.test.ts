import { describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, backupStatement, readU32, writeU32, type BackupContents } from '../../shared/backup/backup-format.js';
import { openBackup, verifyBackupSignature } from '../../shared/backup/open-backup.js';
import { sealBackup } from '../support/seal-backup-v2.js';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { signRequestProblem, type SignPurpose } from '../../shared/crypto/sign-request.js';
import { decodeBase64 } from '../../shared/crypto/spki.js';
import { fingerprintOf } from '../../shared/identity/fingerprint.js';
import { concatBytes } from '../../shared/util/bytes.js';
import { testBackupDevice } from './backup-test-device.js';

const PASS = '签名备份口令 signed 2026';
const CONTENTS: BackupContents = { schemaVersion: 2, createdAt: '2026-12-07T08:00:00.000Z', settings: null, tables: [{ name: 'reviews', rows: [{ id: 'r1', score: 55 }] }] };

const signedPartOf = (file: Uint8Array) => file.subarray(0, file.length - 4 - readU32(file, file.length - 4));
function withSignature(signedPart: Uint8Array, der: Uint8Array): Uint8Array {
  const length = new Uint8Array(4);
  writeU32(length, 0, der.length);
  return concatBytes([signedPart, der, length]);
}
const code = async (bytes: Uint8Array) => {
  const r = await verifyBackupSignature(bytes);
  return r.ok ? 'ok' : r.error.code;
};

describe('a backup is signed by the device that made it', { timeout: 60_000 }, () => {
  it('names its maker: the header signer, with the fingerprint of the key that verified', async () => {
    const device = await testBackupDevice('王芳', 'secretariat');
    const file = await sealBackup(CONTENTS, PASS, device);
    expect([...file.subarray(0, 8)]).toEqual([...BACKUP_MAGIC]);
    expect(file[7]).toBe(2);
    const verified = await verifyBackupSignature(file);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value.signer).toMatchObject({ name: '王芳', role: 'secretariat' });
    expect(verified.value.signer.fingerprint).toBe(await fingerprintOf(decodeBase64(device.signer.signingKey)!));
    expect((await openBackup(file, PASS, { maxSchemaVersion: 2 })).ok).toBe(true);
  });

  it('refuses a file with any one byte changed, before the passphrase is even tried', async () => {
    const file = await sealBackup(CONTENTS, PASS, await testBackupDevice());
    // A digit of the clear header's date (the header still reads), a ciphertext byte, a signature byte.
    const dateAt = new TextDecoder('latin1').decode(file.subarray(0, 2000)).indexOf('2026-12-07T08') + 12;
    for (const at of [dateAt, file.length - 150, file.length - 10]) {
      const tampered = file.slice();
      tampered[at]! ^= 0x01;
      expect(await code(tampered), `byte ${at}`).toBe('bad-signature');
      const opened = await openBackup(tampered, 'not even the passphrase', { maxSchemaVersion: 2 });
      expect(opened.ok || opened.error.code, `byte ${at}`).toBe('bad-signature');
    }
  });

  it('refuses a backup signed by another device than the one its header names', async () => {
    const named = await testBackupDevice('李明');
    const other = await testBackupDevice('冒名者');
    // The header names `named`, but `other` holds the key that signs.
    const forged = await sealBackup(CONTENTS, PASS, { signer: named.signer, sign: (request) => other.sign(request) });
    expect(await code(forged)).toBe('bad-signature');
    // Swapping in the other device's own signature over the genuine file fails just the same.
    const genuine = await sealBackup(CONTENTS, PASS, named);
    const statement = await backupStatement(signedPartOf(genuine));
    const swapped = withSignature(signedPartOf(genuine), rawSignatureToDer(await other.sign({ purpose: 'backup', data: statement })));
    expect(await code(swapped)).toBe('bad-signature');
  });

  it('refuses a signature the same device made for another purpose over the same bytes', async () => {
    const device = await testBackupDevice();
    const file = await sealBackup(CONTENTS, PASS, device);
    const statement = await backupStatement(signedPartOf(file));
    for (const purpose of ['manifest', 'declaration', 'countersignature', 'report-cms', 'certificate'] as SignPurpose[]) {
      const offered = withSignature(signedPartOf(file), rawSignatureToDer(await device.sign({ purpose, data: statement })));
      expect(await code(offered), purpose).toBe('bad-signature');
    }
  });

  it('refuses an unsigned version 1 backup as such, and a file with no signature trailer', async () => {
    const file = await sealBackup(CONTENTS, PASS, await testBackupDevice());
    const v1 = file.slice();
    v1[7] = 1;
    expect(await code(v1)).toBe('unsigned');
    expect((await openBackup(v1, PASS, { maxSchemaVersion: 2 })).ok).toBe(false);
    expect(await code(signedPartOf(file))).toBe('bad-signature');
    const v9 = file.slice();
    v9[7] = 9;
    expect(await code(v9)).toBe('unsupported-version');
  });

  it('the host signs as `backup` only a backup statement, and a statement under no other purpose', async () => {
    const statement = await backupStatement(new Uint8Array([1, 2, 3]));
    expect(signRequestProblem({ purpose: 'backup', data: statement })).toBeNull();
    expect(signRequestProblem({ purpose: 'backup', data: statement.subarray(0, 39) })).toMatch(/backup/);
    expect(signRequestProblem({ purpose: 'backup', data: new TextEncoder().encode('{"a manifest":1}') })).toMatch(/backup/);
    const oldMagic = statement.slice();
    oldMagic[7] = 1;
    expect(signRequestProblem({ purpose: 'backup', data: oldMagic })).toMatch(/backup/);
    expect(signRequestProblem({ purpose: 'manifest', data: statement })).not.toBeNull();
    expect(signRequestProblem({ purpose: 'countersignature', data: statement })).not.toBeNull();
  });
});
