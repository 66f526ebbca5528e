import { lowS } from '../../../../../shared/crypto/ecdsa-signature.js';
import { toBase64 } from '../../../../../shared/util/bytes.js';
import { getHost } from '../../../host/get-host.js';
import type { DeclarationSigner } from './declaration-writes.js';

/** Signs with this device's key when the host can; the declaration stands without it. */
export const signWithDeviceKey: DeclarationSigner = async (data) => {
  const host = getHost();
  const [signature, keys] = await Promise.all([host.keys.sign({ purpose: 'declaration', data: data as Uint8Array<ArrayBuffer> }), host.keys.publicKeys()]);
  // Stored in its low-S form, as every signature of ours is written (docs/package-format.md §3).
  return signature.ok && keys.ok ? { signature: toBase64(lowS(signature.value)), signingKey: keys.value.signingKey } : null;
};
