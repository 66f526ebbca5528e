import type { BridgeResult, HostBridge } from '../../../shared/bridge/contract.js';
import type { KeyHolder } from '../../../shared/crypto/key-holder.js';

/** A bridge call that failed: the host's code and message, thrown so package code can stop. */
class BridgeKeyError extends Error {
  override name = 'BridgeKeyError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function unwrap<T>(result: BridgeResult<T>): T {
  if (result.ok) return result.value;
  throw new BridgeKeyError(result.error.code, result.error.message);
}

/**
 * The device's keys as the package writer and importer want them (shared/crypto/key-holder.ts):
 * every call goes through the host bridge, so private keys stay in the host. A failed call
 * throws with the bridge's own message (e.g. "no safe place for private keys").
 */
export function bridgeKeyHolder(keys: HostBridge['keys']): KeyHolder {
  return {
    publicKeys: async () => unwrap(await keys.publicKeys()),
    sign: async (request) => unwrap(await keys.sign({ purpose: request.purpose, data: new Uint8Array(request.data) })),
    deriveBits: async (peerSpki) => unwrap(await keys.deriveBits({ peerPublicKey: new Uint8Array(peerSpki) })),
  };
}
