/**
 * Entry names a reader accepts. A package is never extracted by name into a folder by us,
 * but `zqa open` writes entries to disk and other tools unzip packages, so a name that
 * climbs out (`..`), starts at a root (`/x`, `C:x`) or hides a separator (`\`) is refused
 * outright, as are control characters and names over 255 bytes.
 */
export function entryNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.length > 255) return 'name longer than 255 characters';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) return "'..', '.' or empty path segment";
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return 'control character in name';
  return null;
}
