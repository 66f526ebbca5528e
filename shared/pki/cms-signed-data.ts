import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256 } from '../util/bytes.js';
import { rawSignatureToDer } from '../crypto/ecdsa-signature.js';
import { bufferSource, type SignPort } from './signer-port.js';
import { OID } from './x509-names.js';

/**
 * A detached CMS SignedData (RFC 5652) as CAdES-B / PAdES-B wants it: ECDSA P-256 with
 * SHA-256, signed attributes content-type, message-digest, signing-time and
 * signing-certificate-v2 (which binds the signer's certificate into what is signed), the
 * signer's certificate and its issuer's chain. Signed through the port, never a CryptoKey.
 */
const CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

export interface DetachedCmsRequest {
  /** SHA-256 of the signed content (for a PDF: of its two byte ranges). */
  contentDigest: Uint8Array;
  signerCertificate: Uint8Array;
  /** Issuer certificates to carry along (the secretariat's root). */
  chain: readonly Uint8Array[];
  sign: SignPort;
  signingTime: Date;
}

export async function createDetachedCms(req: DetachedCmsRequest): Promise<Uint8Array> {
  if (req.contentDigest.length !== 32) throw new Error('content digest must be a 32-byte SHA-256');
  const signer = pkijs.Certificate.fromBER(bufferSource(req.signerCertificate));
  const sha256Id = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSetOrder([
      new pkijs.Attribute({ type: CMS.contentType, values: [new asn1js.ObjectIdentifier({ value: CMS.data })] }),
      new pkijs.Attribute({ type: CMS.signingTime, values: [new asn1js.UTCTime({ valueDate: wholeSeconds(req.signingTime) })] }),
      new pkijs.Attribute({ type: CMS.messageDigest, values: [new asn1js.OctetString({ valueHex: bufferSource(req.contentDigest) })] }),
      new pkijs.Attribute({ type: CMS.signingCertificateV2, values: [await signingCertificateV2(signer, req.signerCertificate)] }),
    ]),
  });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    digestAlgorithm: sha256Id(),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signedAttrs,
  });
  // What is signed is the attributes' DER with the SET tag, not the [0] they travel under.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const raw = await req.sign({ purpose: 'report-cms', data: toSign });
  signerInfo.signature = new asn1js.OctetString({ valueHex: bufferSource(rawSignatureToDer(raw)) });

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Id()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: CMS.data }),
    certificates: [signer, ...req.chain.map((der) => pkijs.Certificate.fromBER(bufferSource(der)))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: CMS.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** ESS signing-certificate-v2 (RFC 5035): SHA-256 of the certificate, its issuer and serial. */
async function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): Promise<asn1js.Sequence> {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: bufferSource(await sha256(der)) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER encodes a SET OF in the order of its elements' encodings (X.690 §11.6). */
function derSetOrder(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const keyed = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER()) }));
  keyed.sort((x, y) => {
    const n = Math.max(x.der.length, y.der.length);
    for (let i = 0; i < n; i++) {
      const d = (x.der[i] ?? 0) - (y.der[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return keyed.map((k) => k.a);
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export interface CmsVerification {
  valid: boolean;
  signerCertificate: Uint8Array | undefined;
  signingTime: Date | undefined;
  reason?: string;
}

/** Checks a detached SignedData over `content`: message digest and signature (trust is the caller's). */
export async function verifyDetachedCms(cms: Uint8Array, content: Uint8Array): Promise<CmsVerification> {
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(bufferSource(cms));
    if (info.contentType !== CMS.signedData) return { valid: false, signerCertificate: undefined, signingTime: undefined, reason: 'not a CMS SignedData' };
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    return { valid: false, signerCertificate: undefined, signingTime: undefined, reason: `unreadable CMS: ${(e as Error).message}` };
  }
  const signerInfo = signedData.signerInfos[0];
  const timeAttr: unknown = signerInfo?.signedAttrs?.attributes.find((a) => a.type === CMS.signingTime)?.values[0];
  const signingTime = timeAttr instanceof asn1js.UTCTime || timeAttr instanceof asn1js.GeneralizedTime ? timeAttr.toDate() : undefined;
  try {
    const result = await signedData.verify({ signer: 0, data: content.slice().buffer, checkChain: false, extendedMode: true });
    const cert = result.signerCertificate;
    return {
      valid: result.signatureVerified === true,
      signerCertificate: cert ? new Uint8Array(cert.toSchema(true).toBER()) : undefined,
      signingTime,
      ...(result.signatureVerified === true ? {} : { reason: result.message || 'signature does not verify' }),
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : 'verification failed';
    return { valid: false, signerCertificate: undefined, signingTime, reason: message };
  }
}
