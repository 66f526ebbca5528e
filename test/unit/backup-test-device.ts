import { backupStatement, readU32, writeU32 } from '../../shared/backup/backup-format.js';
import type { BackupSigningDevice } from '../../shared/backup/backup-format.js';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { softwareKeyHolder } from '../../shared/crypto/key-holder.js';
import { generateIdentityKeyPairs } from '../../shared/crypto/keys.js';
import { concatBytes } from '../../shared/util/bytes.js';

/** A device with keys of its own, as the backup writer sees one: a separate signer per call. */
export async function testBackupDevice(name = '李明', role: 'expert' | 'secretariat' | null = 'expert'): Promise<BackupSigningDevice> {
  const holder = await softwareKeyHolder(await generateIdentityKeyPairs(false));
  const { signingKey } = await holder.publicKeys();
  return { signer: { signingKey, name, role }, sign: (request) => holder.sign(request) };
}

/** The file's signed part, whatever it now holds, signed again by `device` (to reach the checks behind the signature). */
export async function resign(file: Uint8Array, device: BackupSigningDevice): Promise<Uint8Array> {
  const signedPart = file.subarray(0, file.length - 4 - readU32(file, file.length - 4));
  const signature = rawSignatureToDer(await device.sign({ purpose: 'backup', data: await backupStatement(signedPart) }));
  const length = new Uint8Array(4);
  writeU32(length, 0, signature.length);
  return concatBytes([signedPart, signature, length]);
}
