import type { SigningIdentity } from '../../shared/pki/signer-port.js';

/** A key holder for tests: the private key stays inside the closure, as behind the bridge. */
export async function makeSigner(): Promise<SigningIdentity> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return {
    spki,
    sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data as Uint8Array<ArrayBuffer>)),
  };
}
