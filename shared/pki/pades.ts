import { sha256, toHex } from '../util/bytes.js';
import { createDetachedCms, verifyDetachedCms, type CmsVerification } from './cms-signed-data.js';
import { addSignaturePlaceholder, SIGNATURE_CONTENTS_BYTES, type SignatureFieldInfo } from './pdf-signature-placeholder.js';
import { asciiBytes, binaryText, PdfStructureError } from './pdf-structure.js';
import type { SignPort } from './signer-port.js';

/**
 * PAdES: the leader's app signs the finished report with a signature embedded in the PDF,
 * so any PDF reader (and `pdfsig`) can check it and, trusting the secretariat's root, name
 * the signer. The CMS covers every byte of the file except the signature's own hex string.
 */
export interface PdfSigner {
  sign: SignPort;
  /** The leader's certificate, issued by the secretariat at enrolment. */
  certificate: Uint8Array;
  /** The issuer chain to embed: the secretariat's root. */
  chain: readonly Uint8Array[];
}

export async function signPdf(pdf: Uint8Array, signer: PdfSigner, field: SignatureFieldInfo): Promise<Uint8Array> {
  const prepared = addSignaturePlaceholder(pdf, field);
  const { bytes, byteRange } = prepared;
  const digest = await sha256(signedContent(bytes, byteRange));
  const cms = await createDetachedCms({ contentDigest: digest, signerCertificate: signer.certificate, chain: signer.chain, sign: signer.sign, signingTime: field.signingTime });
  if (cms.length > SIGNATURE_CONTENTS_BYTES) throw new PdfStructureError(`signature of ${cms.length} bytes does not fit the ${SIGNATURE_CONTENTS_BYTES}-byte placeholder`);
  // Zero padding after the DER is allowed: readers parse the DER and ignore the rest.
  bytes.set(asciiBytes(toHex(cms).toUpperCase()), prepared.contentsStart);
  return bytes;
}

export interface PdfSignatureCheck extends CmsVerification {
  /** True when the byte ranges cover the whole file but the signature itself. */
  coversWholeFile: boolean;
  byteRange: [number, number, number, number] | undefined;
}

/** Checks the last signature of a PDF: byte ranges, digest, signature. Trust in the signer is the caller's. */
export async function verifyPdfSignature(pdf: Uint8Array): Promise<PdfSignatureCheck> {
  const fail = (reason: string): PdfSignatureCheck => ({ valid: false, coversWholeFile: false, byteRange: undefined, signerCertificate: undefined, signingTime: undefined, reason });
  const text = binaryText(pdf);
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return fail('the PDF has no signature');
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 80));
  if (!m) return fail('unreadable /ByteRange');
  const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return fail('/ByteRange does not fit the file');
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return fail('/ByteRange does not frame the /Contents hex string');
  const hex = text.slice(b + 1, c - 1).replace(/\s+/g, '');
  if (!/^[0-9A-Fa-f]*$/.test(hex) || hex.length % 2 !== 0) return fail('/Contents is not a hex string');
  const cms = new Uint8Array(hex.length / 2);
  for (let i = 0; i < cms.length; i++) cms[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const result = await verifyDetachedCms(trimDer(cms), signedContent(pdf, range));
  return { ...result, coversWholeFile: c + d === pdf.length, byteRange: range };
}

function signedContent(bytes: Uint8Array, [, b, c, d]: readonly [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(b + d);
  out.set(bytes.subarray(0, b));
  out.set(bytes.subarray(c, c + d), b);
  return out;
}

/** The DER inside the zero-padded /Contents: its outer length says where it ends. */
function trimDer(padded: Uint8Array): Uint8Array {
  if (padded[0] !== 0x30) return padded;
  const first = padded[1] ?? 0;
  if (first < 0x80) return padded.subarray(0, 2 + first);
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (padded[2 + i] ?? 0);
  return padded.subarray(0, Math.min(padded.length, 2 + n + len));
}
