import type { KeyHolder } from '../../crypto/key-holder.js';
import type { SignPort } from '../../pki/signer-port.js';

/**
 * The key-holder port: a person's private keys, used but never revealed (the host bridge's
 * `keys` group in the app, software keys in `zqa` and the tests). Every step that signs or
 * opens a package takes one; nothing in the workflow sees a private key.
 */
export type { KeyHolder };

/** The holder's `sign` as the PKI code takes it (certificates, the report's CMS, countersignatures). */
export function signPortOf(keys: KeyHolder): SignPort {
  return (request) => keys.sign(request);
}
