import { z } from 'zod';
import { fromBase64, toBase64 } from '../../shared/util/bytes.js';
import { BridgeFailure } from '../ipc/bridge-failure.js';
import type { SafeStorageLike } from './safe-storage.js';

/**
 * The device's key file under `userData`: public keys in the clear (they are public), each
 * private key as PKCS#8 → base64 → `safeStorage.encryptString` → base64. Only the OS
 * account that wrote it can unwrap it (DPAPI on Windows, the keyring on Linux, Keychain on
 * macOS).
 */
const keyFileSchema = z.strictObject({
  format: z.literal('zqa-device-keys'),
  version: z.literal(1),
  createdAt: z.string(),
  signing: z.strictObject({ publicSpki: z.string().min(1), wrappedPkcs8: z.string().min(1) }),
  encryption: z.strictObject({ publicSpki: z.string().min(1), wrappedPkcs8: z.string().min(1) }),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export interface PlainKeyMaterial {
  signingPkcs8: Uint8Array;
  encryptionPkcs8: Uint8Array;
  signingSpki: Uint8Array;
  encryptionSpki: Uint8Array;
}

export function wrapKeyFile(material: PlainKeyMaterial, safeStorage: SafeStorageLike, createdAt: string): KeyFile {
  const wrap = (pkcs8: Uint8Array) => toBase64(safeStorage.encryptString(toBase64(pkcs8)));
  return {
    format: 'zqa-device-keys',
    version: 1,
    createdAt,
    signing: { publicSpki: toBase64(material.signingSpki), wrappedPkcs8: wrap(material.signingPkcs8) },
    encryption: { publicSpki: toBase64(material.encryptionSpki), wrappedPkcs8: wrap(material.encryptionPkcs8) },
  };
}

export function parseKeyFile(text: string, filePath: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    // Never replaced automatically: the file may be the only copy of this identity.
    throw new BridgeFailure('internal', `本机密钥文件已损坏，未作任何更改。The device key file is damaged and was left as it is: ${filePath}`);
  }
  return parsed.data;
}

export function unwrapKeyFile(file: KeyFile, safeStorage: SafeStorageLike): PlainKeyMaterial {
  const unwrap = (wrapped: string): Uint8Array => {
    try {
      return fromBase64(safeStorage.decryptString(Buffer.from(fromBase64(wrapped))));
    } catch (error) {
      throw new BridgeFailure(
        'key-storage-unavailable',
        `无法解开本机私钥（是否换了操作系统账户或密钥环？）。The private keys could not be unwrapped (was the OS account or keyring changed?): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    signingPkcs8: unwrap(file.signing.wrappedPkcs8),
    encryptionPkcs8: unwrap(file.encryption.wrappedPkcs8),
    signingSpki: fromBase64(file.signing.publicSpki),
    encryptionSpki: fromBase64(file.encryption.publicSpki),
  };
}
