/**
 * Replacing the trust anchor is the one step that decides whom this device believes, so it
 * must be deliberate: the person types the last group of the new card's fingerprint, read
 * to them by the secretariat. A click on a dialog (one that a double-clicked card may have
 * opened) is never enough.
 */
export class AnchorChangeRefused extends Error {
  override name = 'AnchorChangeRefused';
}

/** The last group of a fingerprint ("12345 67890 13579 24680" → "24680"). */
export function lastFingerprintGroup(fingerprint: string): string {
  return fingerprint.trim().split(/\s+/).at(-1) ?? '';
}

/** Whether what the person typed is that group (spaces and full-width digits forgiven). */
export function typedGroupMatches(fingerprint: string, typed: string): boolean {
  const digits = typed.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  return digits.length > 0 && digits === lastFingerprintGroup(fingerprint);
}

/**
 * Throws unless the change may go ahead: a first anchor, the same card again, or a different
 * card confirmed by typing its fingerprint's last group.
 */
export function assertAnchorChangeConfirmed(current: { fingerprint: string } | undefined, offered: { fingerprint: string }, typedLastGroup: string | undefined): void {
  if (!current || current.fingerprint === offered.fingerprint) return;
  if (typedLastGroup !== undefined && typedGroupMatches(offered.fingerprint, typedLastGroup)) return;
  throw new AnchorChangeRefused('更换信任根需要输入新指纹的最后一组。Replacing the trust anchor needs the last group of the new fingerprint typed in.');
}
