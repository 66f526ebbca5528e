import { toBase64 } from '../util/bytes.js';

/** PEM for openssl and for people who paste certificates into tools. */
export function toPem(label: 'CERTIFICATE' | 'PUBLIC KEY', der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export const certificateToPem = (der: Uint8Array): string => toPem('CERTIFICATE', der);
export const spkiToPem = (der: Uint8Array): string => toPem('PUBLIC KEY', der);
