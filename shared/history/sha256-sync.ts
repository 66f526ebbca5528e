import { SoftwareSha256 } from '../util/sha256-stream.js';

/**
 * SHA-256 computed synchronously. WebCrypto's digest is asynchronous, and an IndexedDB
 * transaction commits as soon as it waits on anything that is not IndexedDB, so a score and
 * its history entry could not be hashed and written in one transaction without keeping it
 * artificially alive. History entries are a few hundred bytes; this hashes them in
 * microseconds. verifyHistoryChain checks every hash with WebCrypto, an independent
 * implementation, and the unit tests compare the two on random input.
 */
export function sha256Sync(data: Uint8Array): Uint8Array {
  const hash = new SoftwareSha256();
  hash.update(data);
  return hash.digest();
}
