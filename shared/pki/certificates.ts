import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { rawSignatureToDer } from '../crypto/ecdsa-signature.js';
import { bytesEqual } from '../util/bytes.js';
import { bufferSource, type SigningIdentity } from './signer-port.js';
import { fromRdn, OID, toRdn, type DistinguishedName } from './x509-names.js';

/**
 * The secretariat is the small certificate authority of its expert pool: a self-signed
 * root for its own signing key, and a certificate for each expert at enrolment, so a PDF
 * reader that trusts the root shows who signed a report. Every certificate is signed
 * through the sign port: pkijs wants a CryptoKey, so we encode the TBS ourselves.
 */
export const EXPERT_CERT_YEARS = 4;
export const ROOT_CERT_YEARS = 20;

export interface RootRequest {
  issuer: SigningIdentity;
  subject: DistinguishedName;
  notBefore: Date;
  serial?: Uint8Array;
}

export interface IssueRequest {
  issuer: SigningIdentity;
  issuerCertificate: Uint8Array;
  subject: DistinguishedName;
  subjectSpki: Uint8Array;
  notBefore: Date;
  years?: number;
  serial?: Uint8Array;
}

export async function createRootCertificate(req: RootRequest): Promise<Uint8Array> {
  const spki = pkijs.PublicKeyInfo.fromBER(bufferSource(req.issuer.spki));
  const keyId = await keyIdentifier(spki);
  return signCertificate(req.issuer, {
    serial: req.serial,
    issuer: toRdn(req.subject),
    subject: toRdn(req.subject),
    spki,
    notBefore: req.notBefore,
    notAfter: addYears(req.notBefore, ROOT_CERT_YEARS),
    extensions: [
      basicConstraints(true),
      keyUsage([0x06], 1), // keyCertSign, cRLSign
      new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER() }),
    ],
  });
}

export async function issueCertificate(req: IssueRequest): Promise<Uint8Array> {
  const ca = pkijs.Certificate.fromBER(bufferSource(req.issuerCertificate));
  const caSpkiBytes = new Uint8Array(ca.subjectPublicKeyInfo.toSchema().toBER());
  if (!bytesEqual(caSpkiBytes, req.issuer.spki)) throw new Error('the issuing key is not the key of the issuer certificate');
  const spki = pkijs.PublicKeyInfo.fromBER(bufferSource(req.subjectSpki));
  const years = req.years ?? EXPERT_CERT_YEARS;
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new RangeError(`certificate validity must be 1–10 years, got ${years}`);
  return signCertificate(req.issuer, {
    serial: req.serial,
    issuer: ca.subject,
    subject: toRdn(req.subject),
    spki,
    notBefore: req.notBefore,
    notAfter: addYears(req.notBefore, years),
    extensions: [
      basicConstraints(false),
      keyUsage([0xc0], 6), // digitalSignature, nonRepudiation
      new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, extnValue: new asn1js.OctetString({ valueHex: await keyIdentifier(spki) }).toBER() }),
      new pkijs.Extension({
        extnID: OID.authorityKeyIdentifier,
        extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: await keyIdentifier(ca.subjectPublicKeyInfo) }) }).toSchema().toBER(),
      }),
    ],
  });
}

export interface CertificateSummary {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
}

export function describeCertificate(der: Uint8Array): CertificateSummary {
  const cert = pkijs.Certificate.fromBER(bufferSource(der));
  return {
    subject: fromRdn(cert.subject),
    issuer: fromRdn(cert.issuer),
    serialHex: [...cert.serialNumber.valueBlock.valueHexView].map((b) => b.toString(16).padStart(2, '0')).join(''),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    spki: new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER()),
  };
}

/** True when `issuerDer`'s key signed `der` and `at` is within its validity. */
export async function verifyCertificate(der: Uint8Array, issuerDer: Uint8Array, at: Date): Promise<boolean> {
  const cert = pkijs.Certificate.fromBER(bufferSource(der));
  const issuer = pkijs.Certificate.fromBER(bufferSource(issuerDer));
  if (at < cert.notBefore.value || at > cert.notAfter.value) return false;
  return cert.verify(issuer);
}

interface TbsFields {
  serial: Uint8Array | undefined;
  issuer: pkijs.RelativeDistinguishedNames;
  subject: pkijs.RelativeDistinguishedNames;
  spki: pkijs.PublicKeyInfo;
  notBefore: Date;
  notAfter: Date;
  extensions: pkijs.Extension[];
}

async function signCertificate(issuer: SigningIdentity, f: TbsFields): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: positiveSerial(f.serial ?? crypto.getRandomValues(new Uint8Array(16))) });
  cert.issuer = f.issuer;
  cert.subject = f.subject;
  cert.notBefore = x509Time(f.notBefore);
  cert.notAfter = x509Time(f.notAfter);
  cert.subjectPublicKeyInfo = f.spki;
  cert.extensions = f.extensions;
  cert.signature = new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER());
  const raw = await issuer.sign({ purpose: 'certificate', data: cert.tbsView });
  cert.signatureValue = new asn1js.BitString({ valueHex: rawSignatureToDer(raw) });
  return new Uint8Array(cert.toSchema(true).toBER());
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050; whole seconds. */
function x509Time(date: Date): pkijs.Time {
  const value = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime, value });
}

function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

function basicConstraints(ca: boolean): pkijs.Extension {
  const value = ca ? new pkijs.BasicConstraints({ cA: true }) : new pkijs.BasicConstraints({});
  return new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: value.toSchema().toBER() });
}

function keyUsage(bits: number[], unusedBits: number): pkijs.Extension {
  const value = new asn1js.BitString({ valueHex: new Uint8Array(bits).buffer, unusedBits });
  return new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: value.toBER() });
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (an identifier, not a security boundary). */
async function keyIdentifier(spki: pkijs.PublicKeyInfo): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-1', spki.subjectPublicKey.valueBlock.valueHexView as Uint8Array<ArrayBuffer>);
}

/**
 * A serial is a positive INTEGER of at most 20 bytes, in minimal DER: leading zero bytes are
 * dropped (a random serial starting 00 0x–7x was "illegal padding" to OpenSSL, about one in
 * 512 certificates), and one 00 is put back only where the first byte has its high bit set.
 */
export function positiveSerial(bytes: Uint8Array): ArrayBuffer {
  if (bytes.length < 1 || bytes.length > 19) throw new RangeError('a certificate serial needs 1–19 bytes');
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const value = bytes.subarray(start);
  const out = value[0]! & 0x80 ? new Uint8Array([0, ...value]) : new Uint8Array(value);
  return out.buffer;
}

