/**
 * Entry names a reader accepts (docs/package-format.md §2). A package is never extracted by
 * name into a folder by us, but `zqa open` writes entries to disk and other tools unzip
 * packages, so a name that climbs out (`..`), starts at a root (`/x`, `C:x`) or hides a
 * separator (`\`) is refused outright, as are names over 255 characters and control
 * characters: every code point of Unicode's categories Cc (C0 U+0000–U+001F, DEL U+007F, C1
 * U+0080–U+009F) and Cf (format characters: bidirectional overrides such as U+202E, zero-width
 * characters, U+FEFF), which could rewrite a terminal line or disguise a name on screen.
 */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;

export function entryNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.length > 255) return 'name longer than 255 characters';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) return "'..', '.' or empty path segment";
  if (CONTROL_OR_FORMAT.test(name)) return 'control or format character in name';
  return null;
}

/**
 * Two names are alike when they are equal after Unicode NFC normalisation and lower-casing:
 * unpacked on Windows or macOS (case-insensitive, normalising file systems) they would be
 * one file, so a package may not hold both.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
