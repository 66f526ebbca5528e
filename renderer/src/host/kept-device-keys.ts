import { fromBase64, toBase64 } from '../../../shared/util/bytes.js';

/**
 * The browser host's device keys kept outside IndexedDB (docs/promises.md, L17 and C8): Chromium
 * deletes the whole origin's IndexedDB when it finds it corrupted after a crash, and the keys
 * would go with it. The private halves are kept here as PKCS#8 bytes, beside the journal in
 * the origin-private file system, protected as the journal is (the OS account and disk
 * encryption; the browser host has nothing stronger). The page itself only ever holds them as
 * non-extractable CryptoKeys imported from these bytes.
 */
export interface KeptKeyFile {
  /** The kept bytes, or null when nothing is kept. */
  read(): Promise<Uint8Array | null>;
  /** Replaces the kept bytes whole (never half-written). */
  write(bytes: Uint8Array): Promise<void>;
}

interface KeptPair {
  /** PKCS#8 DER of the private key, base64. */
  privateKey: string;
  /** SPKI DER of the public key, base64. */
  publicKey: string;
}

interface KeptKeys {
  format: 'zqa-device-keys';
  version: 1;
  signing: KeptPair;
  encryption: KeptPair;
  createdAt: string;
}

export const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** A key pair as the page uses it: the private half non-extractable. */
export interface UsableKeys {
  signing: CryptoKeyPair;
  encryption: CryptoKeyPair;
  createdAt: string;
}

class KeptKeysError extends Error {
  override name = 'KeptKeysError';
}

async function exportPair(subtle: SubtleCrypto, pair: CryptoKeyPair): Promise<KeptPair> {
  const [privateKey, publicKey] = await Promise.all([subtle.exportKey('pkcs8', pair.privateKey), subtle.exportKey('spki', pair.publicKey)]);
  return { privateKey: toBase64(new Uint8Array(privateKey)), publicKey: toBase64(new Uint8Array(publicKey)) };
}

/** The key pairs as the bytes kept. `pairs` must have been made extractable for this one export. */
async function encodeKeptKeys(subtle: SubtleCrypto, pairs: UsableKeys): Promise<Uint8Array> {
  const kept: KeptKeys = { format: 'zqa-device-keys', version: 1, signing: await exportPair(subtle, pairs.signing), encryption: await exportPair(subtle, pairs.encryption), createdAt: pairs.createdAt };
  return new TextEncoder().encode(JSON.stringify(kept));
}

function field(pair: unknown, name: 'privateKey' | 'publicKey', which: string): Uint8Array {
  const value = (pair as Record<string, unknown> | null)?.[name];
  let bytes: Uint8Array | null = null;
  try {
    bytes = typeof value === 'string' ? fromBase64(value) : null;
  } catch {
    // not base64: reported below
  }
  if (!bytes || bytes.byteLength === 0) throw new KeptKeysError(`the kept device keys have no valid ${which} ${name}`);
  return bytes;
}

async function importPair(subtle: SubtleCrypto, pair: unknown, algorithm: typeof ECDSA | typeof ECDH, usages: KeyUsage[], which: string): Promise<CryptoKeyPair> {
  const privateBytes = field(pair, 'privateKey', which);
  const publicBytes = field(pair, 'publicKey', which);
  try {
    const [privateKey, publicKey] = await Promise.all([
      subtle.importKey('pkcs8', privateBytes as Uint8Array<ArrayBuffer>, algorithm, false, usages),
      subtle.importKey('spki', publicBytes as Uint8Array<ArrayBuffer>, algorithm, true, algorithm.name === 'ECDSA' ? ['verify'] : []),
    ]);
    return { privateKey, publicKey };
  } catch (e) {
    throw new KeptKeysError(`the kept ${which} key is not a P-256 key this browser accepts: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The kept bytes as usable keys, the private halves non-extractable; a clear error for anything else. */
export async function decodeKeptKeys(subtle: SubtleCrypto, bytes: Uint8Array): Promise<UsableKeys> {
  let kept: Partial<KeptKeys>;
  try {
    kept = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<KeptKeys>;
  } catch {
    throw new KeptKeysError('the kept device keys are not readable JSON');
  }
  if (kept?.format !== 'zqa-device-keys' || kept.version !== 1) throw new KeptKeysError(`the kept device keys are in an unknown format (${String(kept?.format)} ${String(kept?.version)})`);
  const [signing, encryption] = await Promise.all([importPair(subtle, kept.signing, ECDSA, ['sign'], 'signing'), importPair(subtle, kept.encryption, ECDH, ['deriveBits'], 'encryption')]);
  return { signing, encryption, createdAt: typeof kept.createdAt === 'string' ? kept.createdAt : new Date().toISOString() };
}

/** New device keys: made extractable only to be kept, and returned with non-extractable private halves. */
export async function createKeptKeys(subtle: SubtleCrypto, file: KeptKeyFile, now: Date): Promise<UsableKeys> {
  const [signing, encryption] = await Promise.all([subtle.generateKey(ECDSA, true, ['sign', 'verify']), subtle.generateKey(ECDH, true, ['deriveBits'])]);
  const bytes = await encodeKeptKeys(subtle, { signing, encryption, createdAt: now.toISOString() });
  // Kept first: keys the page used but could not keep would be lost with the next wipe.
  await file.write(bytes);
  return decodeKeptKeys(subtle, bytes);
}
