import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  country: '2.5.4.6',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

export interface DistinguishedName {
  /** CN: the person's (or the secretariat's) name, Chinese as written. */
  name: string;
  /** O: their organisation. */
  organisation: string;
}

/** C=CN, O, CN; UTF8String because names are Chinese. */
export function toRdn(dn: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const check = (label: string, value: string): string => {
    const trimmed = value.trim();
    if (trimmed.length === 0 || trimmed.length > 64) throw new Error(`certificate ${label} must be 1–64 characters, got "${value}"`);
    return trimmed;
  };
  const attributes = [
    new pkijs.AttributeTypeAndValue({ type: OID.country, value: new asn1js.PrintableString({ value: 'CN' }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.organisation, value: new asn1js.Utf8String({ value: check('organisation', dn.organisation) }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: check('name', dn.name) }) }),
  ];
  // One attribute per RDN (C, O, CN as readers expect); pkijs would put all three in one
  // multi-valued RDN, so the name is encoded here and read back to keep these bytes.
  const sequence = new asn1js.Sequence({ value: attributes.map((a) => new asn1js.Set({ value: [a.toSchema()] })) });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER());
}

export function fromRdn(rdn: pkijs.RelativeDistinguishedNames): DistinguishedName {
  const read = (oid: string): string => {
    const found = rdn.typesAndValues.find((t) => t.type === oid);
    const value: unknown = found?.value.valueBlock.value;
    return typeof value === 'string' ? value : '';
  };
  return { name: read(OID.commonName), organisation: read(OID.organisation) };
}
