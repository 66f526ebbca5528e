/**
 * A package file as the page holds it: a Blob, read a slice at a time by the streamed readers
 * (host/blob-stream.ts) and kept as it is, so a large scoresheet never sits whole in memory.
 */
export function packageBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

/**
 * A kept package's bytes, whole: for the one format that nests packages (a panel return, read
 * and written whole, docs/package-format.md §2). Records made before packages were streamed
 * hold the bytes already.
 */
export async function wholePackage(kept: Blob | Uint8Array): Promise<Uint8Array> {
  return kept instanceof Uint8Array ? kept : new Uint8Array(await kept.arrayBuffer());
}
