import type { BridgeError, HostBridge } from '../bridge/contract.js';
import type { SignPort } from './signer-port.js';

export class KeyHolderError extends Error {
  constructor(readonly bridgeError: BridgeError) {
    super(`the key holder refused to sign (${bridgeError.code}): ${bridgeError.message}`);
  }
}

/** The host bridge's `keys.sign` as a sign port: certificates, CMS and countersignatures go through it. */
export function signPortFromBridge(keys: Pick<HostBridge['keys'], 'sign'>): SignPort {
  return async (request) => {
    const result = await keys.sign({ purpose: request.purpose, data: request.data as Uint8Array<ArrayBuffer> });
    if (!result.ok) throw new KeyHolderError(result.error);
    if (result.value.length !== 64) throw new Error(`the key holder returned a ${result.value.length}-byte signature; raw P-256 r‖s is 64 bytes`);
    return result.value;
  };
}
