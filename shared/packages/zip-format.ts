/**
 * The one zip layout packages use, fixed so that every byte of a file is checked by
 * something (docs/package-format.md §2): stored entries only (method 0), no data
 * descriptors, no extra fields, no comments, no zip64, UTF-8 names (flag bit 11), entries
 * back to back from offset 0, then the central directory, then the end record, nothing after.
 */
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;
export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_RECORD_SIZE = 22;
/** "version made by" and "version needed": 2.0, MS-DOS attribute compatibility. */
export const ZIP_VERSION = 20;
export const FLAG_UTF8 = 0x0800;

/** DOS date and time (local fields of zip headers) of a UTC instant, 2-second resolution. */
export function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}
