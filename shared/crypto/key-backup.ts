import { z } from 'zod';
import { canonicalJsonBytes } from '../util/canonical-json.js';
import { toBase64 } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import { identityFactsSchema, type IdentityFacts } from '../identity/role.js';
import { bs, randomBytes } from './buffer-source.js';
import { importIdentityKeyPairs, publicKeysOf } from './keys.js';
import { decodeBase64 } from './spki.js';

/**
 * A passphrase-protected file of one person's private keys (`.zqakey`): the secretariat's
 * backup and the key files `zqa demo` writes (docs/package-format.md §9). Format, version 1, UTF-8 JSON:
 *
 *   { "format": "zqa-key-backup", "version": 1,
 *     "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": b64(16) },
 *     "cipher": { "name": "AES-256-GCM", "iv": b64(12) },
 *     "publicKeys": { "signingKey": b64 SPKI, "encryptionKey": b64 SPKI },
 *     "ciphertext": b64 }
 *
 * The AES key is PBKDF2-SHA-256(passphrase as UTF-8 NFC, salt, iterations), 256 bits. The
 * plaintext is canonical JSON `{ signingPkcs8, encryptionPkcs8, identity? }` (PKCS#8 DER in
 * base64); the additional authenticated data is the canonical JSON of every field except
 * "ciphertext", so neither the public keys shown in clear nor the KDF settings can be
 * altered unnoticed. On opening, the private keys must match the public keys in the file.
 */
export interface KeyMaterial {
  signingPkcs8: Uint8Array;
  encryptionPkcs8: Uint8Array;
  /** Who the keys belong to, when known: restored onto a new PC with them. */
  identity?: IdentityFacts;
}

export type KeyBackupErrorCode = 'malformed' | 'unsupported-version' | 'weak-or-excessive-kdf' | 'wrong-passphrase' | 'invalid-key-material';
export interface KeyBackupError {
  code: KeyBackupErrorCode;
  message: string;
}

const KEY_BACKUP_ITERATIONS = 600_000;
/** Reading refuses more than this: a hostile file must not make us spin for minutes. */
const MAX_ITERATIONS = 10_000_000;

const b64 = z.string().max(1_000_000);
const headerSchema = z.strictObject({
  format: z.literal('zqa-key-backup'),
  version: z.number().int(),
  kdf: z.strictObject({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int(), salt: b64 }),
  cipher: z.strictObject({ name: z.literal('AES-256-GCM'), iv: b64 }),
  publicKeys: z.strictObject({ signingKey: b64, encryptionKey: b64 }),
});
const fileSchema = headerSchema.extend({ ciphertext: b64 });
const plaintextSchema = z.strictObject({ signingPkcs8: b64, encryptionPkcs8: b64, identity: identityFactsSchema.optional() });

async function deriveAesKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', bs(new TextEncoder().encode(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bs(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealKeyBackup(material: KeyMaterial, passphrase: string): Promise<Uint8Array> {
  const pairs = await importIdentityKeyPairs(material.signingPkcs8, material.encryptionPkcs8);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: z.infer<typeof headerSchema> = {
    format: 'zqa-key-backup',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: KEY_BACKUP_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv) },
    publicKeys: await publicKeysOf(pairs),
  };
  const plaintext = canonicalJsonBytes({
    signingPkcs8: toBase64(material.signingPkcs8),
    encryptionPkcs8: toBase64(material.encryptionPkcs8),
    identity: material.identity,
  });
  const key = await deriveAesKey(passphrase, salt, KEY_BACKUP_ITERATIONS);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: bs(iv), additionalData: bs(canonicalJsonBytes(header)) }, key, bs(plaintext));
  const file = { ...header, ciphertext: toBase64(new Uint8Array(ciphertext)) };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

const fail = (code: KeyBackupErrorCode, message: string) => err<KeyBackupError>({ code, message });

export async function openKeyBackup(bytes: Uint8Array, passphrase: string): Promise<Result<KeyMaterial, KeyBackupError>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('malformed', 'not a key backup file: it is not UTF-8 JSON');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if ((json as { format?: unknown } | null)?.format === 'zqa-key-backup' && version !== 1) {
    return fail('unsupported-version', `key backup format version ${String(version)} is not supported (this program reads version 1)`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return fail('malformed', `not a key backup file: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  const { ciphertext: ct64, ...header } = parsed.data;
  if (header.kdf.iterations < KEY_BACKUP_ITERATIONS || header.kdf.iterations > MAX_ITERATIONS) {
    return fail('weak-or-excessive-kdf', `PBKDF2 iteration count ${header.kdf.iterations} is outside ${KEY_BACKUP_ITERATIONS}–${MAX_ITERATIONS}`);
  }
  const salt = decodeBase64(header.kdf.salt);
  const iv = decodeBase64(header.cipher.iv);
  const ciphertext = decodeBase64(ct64);
  if (!salt || salt.length < 16 || !iv || iv.length !== 12 || !ciphertext) return fail('malformed', 'key backup file has a bad salt, IV or ciphertext');
  let plaintext: Uint8Array;
  try {
    const key = await deriveAesKey(passphrase, salt, header.kdf.iterations);
    plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bs(iv), additionalData: bs(canonicalJsonBytes(header)) }, key, bs(ciphertext)));
  } catch {
    return fail('wrong-passphrase', 'wrong passphrase, or the key backup file was altered');
  }
  const inner = plaintextSchema.safeParse(safeJson(plaintext));
  const signingPkcs8 = inner.success ? decodeBase64(inner.data.signingPkcs8) : null;
  const encryptionPkcs8 = inner.success ? decodeBase64(inner.data.encryptionPkcs8) : null;
  if (!inner.success || !signingPkcs8 || !encryptionPkcs8) return fail('invalid-key-material', 'the key backup decrypted but holds no valid key material');
  try {
    const publicKeys = await publicKeysOf(await importIdentityKeyPairs(signingPkcs8, encryptionPkcs8));
    if (publicKeys.signingKey !== header.publicKeys.signingKey || publicKeys.encryptionKey !== header.publicKeys.encryptionKey) {
      return fail('invalid-key-material', 'the private keys in the backup do not match its public keys');
    }
  } catch {
    return fail('invalid-key-material', 'the key backup holds keys that are not P-256 PKCS#8');
  }
  return ok(inner.data.identity ? { signingPkcs8, encryptionPkcs8, identity: inner.data.identity } : { signingPkcs8, encryptionPkcs8 });
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** The public keys a backup file states in clear, without the passphrase (to show whose it is). */
export function peekKeyBackupPublicKeys(bytes: Uint8Array): { signingKey: string; encryptionKey: string } | null {
  const parsed = fileSchema.safeParse(safeJson(bytes));
  return parsed.success ? parsed.data.publicKeys : null;
}
