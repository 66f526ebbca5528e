import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { AtRestCipher } from '../../shared/journal/journal-files.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { assertSafeStorage, type SafeStorageLike } from '../keys/safe-storage.js';

/**
 * Encryption at rest for the journal, its checkpoints and its blobs in Electron: AES-256-GCM
 * under a random device key that is stored only wrapped by the OS (`safeStorage`: DPAPI,
 * Keychain, libsecret), so a copied disk or a lost laptop yields no applicant data without
 * the user's OS account. Each sealed item is  IV (12) | ciphertext | tag (16), with the
 * item's role as additional data so a sealed blob cannot pose as a checkpoint.
 *
 * Where the OS offers no real protection (Linux without a keyring), the journal is kept
 * plain rather than not at all (the edits matter more), and the app says so
 * (docs/promises.md C7).
 */
const IV = 12;
const TAG = 16;

export function aesGcmCipher(key: Uint8Array): AtRestCipher {
  if (key.byteLength !== 32) throw new Error('the journal key must be 32 bytes');
  return {
    name: 'aes-256-gcm',
    seal(plain, aad) {
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]));
    },
    open(sealed, aad) {
      if (sealed.byteLength < IV + TAG) throw new Error('sealed item too short');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG));
      return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(IV, sealed.byteLength - TAG)), decipher.final()]));
    },
  };
}

export interface JournalKeyDeps {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** The wrapped key's file, beside the journal in the user-data folder. */
  keyFilePath: string;
}

/**
 * The journal's cipher: the device key unwrapped from its file, or a new one created and
 * stored wrapped. Null when the OS has no safe storage and there is no key yet (the journal
 * is then kept plain); a key that exists but cannot be unwrapped now (the keyring locked or
 * gone) throws, so an encrypted journal is never set aside as unreadable.
 */
export async function loadJournalCipher(deps: JournalKeyDeps): Promise<AtRestCipher | null> {
  let wrapped: Buffer | null = null;
  try {
    wrapped = await fs.readFile(deps.keyFilePath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (wrapped) {
    assertSafeStorage(deps.safeStorage, deps.platform);
    return aesGcmCipher(Buffer.from(deps.safeStorage.decryptString(wrapped), 'base64'));
  }
  try {
    assertSafeStorage(deps.safeStorage, deps.platform);
  } catch {
    return null;
  }
  const key = randomBytes(32);
  await writeFileAtomic(deps.keyFilePath, deps.safeStorage.encryptString(key.toString('base64')), { mode: 0o600, platform: deps.platform });
  return aesGcmCipher(key);
}
