/**
 * The stated limits a reader enforces before it trusts anything in a file. A scoresheet
 * with 200 photos is about 300 MB; a panel return nests the scoresheets, so the whole-file
 * limit matches the bridge's MAX_FILE_BYTES (512 MiB). Hosts may pass tighter limits.
 */
export interface PackageLimits {
  maxFileBytes: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
  /** manifest.json and content.json are parsed as JSON: kept small. */
  maxManifestBytes: number;
  maxContentJsonBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntries: 2000,
  maxManifestBytes: 4 * 1024 * 1024,
  maxContentJsonBytes: 32 * 1024 * 1024,
};

/**
 * Limits for a package read a piece at a time (format version 3, stream/): memory no longer
 * grows with the file, so the file may be as large as a zip without zip64 addresses (4 GiB) —
 * three days of a careful expert's photos (1.5 GB) fit. Entries, content.json and the
 * manifest keep their limits: each is still checked before it is read.
 */
export const STREAMED_PACKAGE_LIMITS: PackageLimits = {
  ...DEFAULT_PACKAGE_LIMITS,
  maxFileBytes: 0xffffffff,
  maxTotalBytes: 0xffffffff,
};
