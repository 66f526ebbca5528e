import { concatBytes } from '../util/bytes.js';

/**
 * Every signature a device makes says what it is for, so that one kind can never stand for
 * another (docs/package-format.md §5, "Signature purposes"): a manifest signature cannot be
 * replayed as a countersignature, nor a declaration as a manifest.
 *
 * - `manifest`, `declaration`, `countersignature`, `backup`: the signed bytes are the purpose's context
 *   string, one zero byte, then the data (`signedBytes`). `openssl dgst -sha256 -verify`
 *   checks them over that concatenation.
 * - `report-cms` (the DER SET of a CMS SignerInfo's signed attributes, for the report's PAdES
 *   signature) and `certificate` (an X.509 TBSCertificate, DER SEQUENCE): standard structures
 *   that PDF readers and X.509 libraries verify as they are, so nothing is prefixed. They can
 *   never collide with the prefixed kinds: those start with "ZQA" (0x5a), a DER SET with 0x31,
 *   a SEQUENCE with 0x30. The host checks each request is what its purpose says before signing.
 * - `backup`: a data backup's digest statement, exactly the 8 magic bytes of a signed `.zqabak`
 *   ("ZQABAK" 0 and the version, 2 or 3) then a SHA-256: of the file's signed part in version 2
 *   (shared/backup/backup-format.ts), of its manifest in version 3 (shared/backup/chunked-format.ts).
 *   The digest keeps the request small whatever the photos weigh.
 */
export const SIGN_PURPOSES = ['manifest', 'declaration', 'countersignature', 'report-cms', 'certificate', 'backup'] as const;
export type SignPurpose = (typeof SIGN_PURPOSES)[number];

export interface SignRequest {
  purpose: SignPurpose;
  data: Uint8Array;
}

/** Version 2 of the package format introduced purposes; the context names it. */
const SIGNATURE_CONTEXTS = {
  manifest: 'ZQA-SIG/2 manifest',
  declaration: 'ZQA-SIG/2 declaration',
  countersignature: 'ZQA-SIG/2 countersignature',
  backup: 'ZQA-SIG/2 backup',
} as const satisfies Partial<Record<SignPurpose, string>>;

type PrefixedPurpose = keyof typeof SIGNATURE_CONTEXTS;
const isPrefixed = (p: SignPurpose): p is PrefixedPurpose => p in SIGNATURE_CONTEXTS;

/** The bytes ECDSA actually signs for this request. */
export function signedBytes(request: SignRequest): Uint8Array {
  if (!isPrefixed(request.purpose)) return request.data;
  return concatBytes([new TextEncoder().encode(SIGNATURE_CONTEXTS[request.purpose]), new Uint8Array([0]), request.data]);
}

/**
 * "ZQABAK" 0x00 then the version, the magic of a signed backup, then a SHA-256: version 2 of
 * the file's signed part (shared/backup/backup-format.ts), version 3 of its manifest
 * (shared/backup/chunked-format.ts).
 */
const BACKUP_STATEMENT_STEM = [0x5a, 0x51, 0x41, 0x42, 0x41, 0x4b, 0x00];
const BACKUP_STATEMENT_VERSIONS = [0x02, 0x03];
const isBackupStatement = (data: Uint8Array): boolean =>
  data.length === BACKUP_STATEMENT_STEM.length + 1 + 32 && BACKUP_STATEMENT_STEM.every((b, i) => data[i] === b) && BACKUP_STATEMENT_VERSIONS.includes(data[BACKUP_STATEMENT_STEM.length]!);

/** The first byte a request's data must start with, where its purpose fixes one. */
const LEADING_BYTE: Partial<Record<SignPurpose, number>> = { 'report-cms': 0x31, certificate: 0x30, declaration: 0x7b, manifest: 0x7b };

/**
 * What any host can check of a request without knowing the app's state: the data is the
 * shape its purpose names (a JSON object for manifests and declarations, a PDF for a
 * countersignature, a DER SET or SEQUENCE for the two DER kinds). Hosts add their own checks
 * (who the device is, which role may sign certificates); this is the common floor.
 */
export function signRequestProblem(request: SignRequest): string | null {
  const { purpose, data } = request;
  if (data.length === 0) return `${purpose}: nothing to sign`;
  const lead = LEADING_BYTE[purpose];
  if (lead !== undefined && data[0] !== lead) return `${purpose}: the data is not what a ${purpose} signature covers`;
  if (purpose === 'backup' && !isBackupStatement(data)) return 'backup: only a backup file\'s digest statement is signed as a backup';
  if (purpose === 'countersignature' && new TextDecoder().decode(data.subarray(0, 5)) !== '%PDF-') return 'countersignature: only a PDF report is countersigned';
  return null;
}
