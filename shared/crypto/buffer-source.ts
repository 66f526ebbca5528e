/**
 * WebCrypto's typings want `Uint8Array<ArrayBuffer>`; ours are `Uint8Array` of any buffer.
 * No host we run in hands a SharedArrayBuffer to these functions, so the cast is sound.
 */
export function bs(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
