import { bs } from '../crypto/buffer-source.js';
import { verifyPurposeSignature } from '../crypto/verify-signature.js';
import { fingerprintOf } from '../identity/fingerprint.js';
import { bytesEqual, fromBase64, sha256Hex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_ITERATIONS,
  BACKUP_MAGIC,
  BACKUP_MAGIC_STEM,
  MAX_BACKUP_ITERATIONS,
  MAX_HEADER_BYTES,
  MAX_SIGNATURE_BYTES,
  backupStatement,
  backupHeaderSchema,
  backupManifestSchema,
  deriveBackupKeyBits,
  readU32,
  type BackupContents,
  type BackupError,
  type BackupErrorCode,
  type BackupHeader,
  type BackupSigner,
} from './backup-format.js';
import { fromPortable, type ByteSection, type PortableJson } from './portable-value.js';

const fail = (code: BackupErrorCode, message: string) => err<BackupError>({ code, message });

/** Strict UTF-8 JSON, or undefined: every version's manifest, index and tables are read so. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function decodeB64(text: string): Uint8Array | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/** The parts of a signed backup file, split but not yet checked. */
export interface BackupParts {
  header: BackupHeader;
  headerBytes: Uint8Array;
  ciphertext: Uint8Array;
  signedPart: Uint8Array;
  signature: Uint8Array;
}

/**
 * Reads the clear header and splits off the signature, without the passphrase: what the file
 * is, which schema it holds, who says they made it. A version 1 file (never signed) is
 * `unsigned`; nothing here checks the signature yet (`verifyBackupSignature` does).
 */
export function readBackupHeader(bytes: Uint8Array): Result<BackupParts, BackupError> {
  const stem = bytes.subarray(0, BACKUP_MAGIC_STEM.byteLength);
  if (stem.byteLength === 0 || !bytesEqual(stem, BACKUP_MAGIC_STEM.subarray(0, stem.byteLength))) {
    return fail('not-a-backup', 'not a database backup file (.zqabak): its first bytes are wrong');
  }
  if (bytes.byteLength < BACKUP_MAGIC.byteLength + 4) return fail('damaged', 'the backup file is damaged: it is cut short');
  const version = bytes[BACKUP_MAGIC_STEM.byteLength]!;
  if (version === 1) return fail('unsigned', 'the backup was made by an older version of the program and is not signed, so who made it cannot be checked');
  if (version !== BACKUP_FORMAT_VERSION) return fail('unsupported-version', `backup format version ${version} is not supported (this program reads versions ${BACKUP_FORMAT_VERSION} and 3)`);
  const length = readU32(bytes, BACKUP_MAGIC.byteLength);
  const start = BACKUP_MAGIC.byteLength + 4;
  if (length > MAX_HEADER_BYTES || start + length + 4 > bytes.byteLength) return fail('damaged', 'the backup file is damaged: its header length is impossible');
  const signatureLength = readU32(bytes, bytes.byteLength - 4);
  const signatureStart = bytes.byteLength - 4 - signatureLength;
  if (signatureLength === 0 || signatureLength > MAX_SIGNATURE_BYTES || signatureStart < start + length) {
    return fail('bad-signature', 'the backup file has no readable signature: it is damaged or was altered');
  }
  const headerBytes = bytes.subarray(start, start + length);
  const json = parseJson(headerBytes) as { format?: unknown; version?: unknown } | undefined;
  if (json?.format === BACKUP_FORMAT && json.version !== BACKUP_FORMAT_VERSION) return fail('damaged', 'the backup file is damaged: its header and its first bytes name different versions');
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success) return fail('damaged', `the backup file is damaged: its header is unreadable (${parsed.error.issues[0]?.message ?? 'bad shape'})`);
  return ok({
    header: parsed.data,
    headerBytes,
    ciphertext: bytes.subarray(start + length, signatureStart),
    signedPart: bytes.subarray(0, signatureStart),
    signature: bytes.subarray(signatureStart, bytes.byteLength - 4),
  });
}

/** Who made a backup whose signature verified: the header's signer and its key's fingerprint. */
export interface VerifiedSigner extends BackupSigner {
  fingerprint: string;
}

/**
 * Checks the device signature (purpose `backup`) with the key the header names, before any
 * passphrase or decryption: a file altered anywhere, signed by another key than its header
 * names, or signed for another purpose, is `bad-signature`.
 */
export async function verifyBackupSignature(bytes: Uint8Array): Promise<Result<BackupParts & { signer: VerifiedSigner }, BackupError>> {
  const read = readBackupHeader(bytes);
  if (!read.ok) return read;
  const spki = decodeB64(read.value.header.signer.signingKey);
  if (!spki) return fail('bad-signature', 'the backup names its signer with an unreadable key');
  const checked = await verifyPurposeSignature(spki, { purpose: 'backup', data: await backupStatement(read.value.signedPart) }, read.value.signature);
  if (!checked.ok) return fail('bad-signature', `the backup's signature does not verify (${checked.error}): it is damaged or was altered`);
  return ok({ ...read.value, signer: { ...read.value.header.signer, fingerprint: await fingerprintOf(spki) } });
}

export interface OpenBackupOptions {
  /** The newest database schema this program knows; a backup of a newer one is refused. */
  maxSchemaVersion: number;
}

/**
 * What every version checks once the signature holds, before anything is decrypted: the
 * schema is one this program knows, the KDF is neither weak nor absurd, and the passphrase
 * gives the check the file states. The raw 256-bit key, or why not.
 */
export async function unlockBackup(
  header: Pick<BackupHeader, 'schemaVersion' | 'kdf' | 'passphraseCheck'>,
  passphrase: string,
  options: OpenBackupOptions,
): Promise<Result<Uint8Array, BackupError>> {
  if (header.schemaVersion > options.maxSchemaVersion) {
    return fail('newer-schema', `the backup holds database version ${header.schemaVersion}; this program knows up to version ${options.maxSchemaVersion}: update the program first`);
  }
  const { iterations } = header.kdf;
  if (iterations < BACKUP_ITERATIONS || iterations > MAX_BACKUP_ITERATIONS) {
    return fail('weak-or-excessive-kdf', `PBKDF2 iteration count ${iterations} is outside ${BACKUP_ITERATIONS}–${MAX_BACKUP_ITERATIONS}`);
  }
  const salt = decodeB64(header.kdf.salt);
  const check = decodeB64(header.passphraseCheck);
  if (!salt || salt.length < 16 || !check || check.length !== 32) return fail('damaged', 'the backup file is damaged: bad salt or passphrase check');
  const keys = await deriveBackupKeyBits(passphrase, salt, iterations);
  if (!bytesEqual(keys.check, check)) return fail('wrong-passphrase', 'wrong passphrase');
  return ok(keys.raw);
}

/**
 * Checks and decrypts a `.zqabak` file: refuses a file that is not one, an unsigned or badly
 * signed one (checked first), a newer format or
 * schema, a weak or absurd KDF, a wrong passphrase, and any damage (GCM tag, manifest
 * bounds, a SHA-256 per table and per byte section), each with its own code.
 */
export async function openBackup(bytes: Uint8Array, passphrase: string, options: OpenBackupOptions): Promise<Result<BackupContents, BackupError>> {
  const read = await verifyBackupSignature(bytes);
  if (!read.ok) return read;
  const { header, headerBytes, ciphertext } = read.value;
  const unlocked = await unlockBackup(header, passphrase, options);
  if (!unlocked.ok) return unlocked;
  const iv = decodeB64(header.cipher.iv);
  if (!iv || iv.length !== 12) return fail('damaged', 'the backup file is damaged: bad IV');
  const aesKey = await crypto.subtle.importKey('raw', bs(unlocked.value), { name: 'AES-GCM' }, false, ['decrypt']);
  let plaintext: Uint8Array;
  try {
    plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bs(iv), additionalData: bs(headerBytes) }, aesKey, bs(ciphertext)));
  } catch {
    return fail('damaged', 'the backup file is damaged or was altered: its contents fail the authentication check');
  }
  return decodeBackupPlaintext(plaintext, header.schemaVersion);
}

/**
 * Reads the plaintext `encodeBackupPlaintext` builds (a backup once decrypted, or an
 * automatic snapshot as it is stored): every table and byte section checked against the
 * manifest's SHA-256, each fault a `damaged` error.
 */
async function decodeBackupPlaintext(plaintext: Uint8Array, schemaVersion: number): Promise<Result<BackupContents, BackupError>> {
  const damaged = (why: string) => fail('damaged', `the backup file is damaged: ${why}`);
  if (plaintext.byteLength < 4) return damaged('no manifest');
  const manifestLength = readU32(plaintext, 0);
  if (4 + manifestLength > plaintext.byteLength) return damaged('the manifest length is impossible');
  const manifest = backupManifestSchema.safeParse(parseJson(plaintext.subarray(4, 4 + manifestLength)));
  if (!manifest.success) return damaged(`the manifest is unreadable (${manifest.error.issues[0]?.message ?? 'bad shape'})`);
  const m = manifest.data;
  if (m.schemaVersion !== schemaVersion) return damaged('the manifest and the header name different schema versions');
  const body = plaintext.subarray(4 + manifestLength);
  const take = async (what: string, s: { offset: number; length: number; sha256: string }): Promise<Uint8Array | string> => {
    if (s.offset + s.length > body.byteLength) return `${what} lies outside the file`;
    const bytes = body.subarray(s.offset, s.offset + s.length);
    return (await sha256Hex(bytes)) === s.sha256 ? bytes : `${what} does not match its SHA-256`;
  };
  const sections: ByteSection[] = [];
  for (const [i, s] of m.sections.entries()) {
    const bytes = await take(`byte section ${i}`, s);
    if (typeof bytes === 'string') return damaged(bytes);
    sections.push({ kind: s.kind, type: s.type, bytes });
  }
  const tables: BackupContents['tables'] = [];
  const names = new Set<string>();
  for (const t of m.tables) {
    if (names.has(t.name)) return damaged(`table ${t.name} is listed twice`);
    names.add(t.name);
    const bytes = await take(`table ${t.name}`, t);
    if (typeof bytes === 'string') return damaged(bytes);
    const rows = parseJson(bytes);
    if (!Array.isArray(rows) || rows.length !== t.count) return damaged(`table ${t.name} does not hold the ${t.count} rows its manifest states`);
    try {
      tables.push({ name: t.name, rows: rows.map((r) => fromPortable(r as PortableJson, sections)) });
    } catch (e) {
      return damaged(`table ${t.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let settings: unknown;
  try {
    settings = fromPortable(m.settings as PortableJson, []);
  } catch {
    return damaged('its settings are unreadable');
  }
  return ok({ schemaVersion: m.schemaVersion, createdAt: m.createdAt, settings, tables });
}
