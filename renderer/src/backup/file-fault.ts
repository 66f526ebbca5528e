import type { TFunction } from 'i18next';
import type { BridgeError } from '../../../shared/bridge/contract.js';

/**
 * The message for a file the host could not write. The Electron host maps the OS errors
 * (ENOSPC, EROFS/EACCES/EPERM, ENOENT) to these codes; whatever was being saved is still
 * in memory, so each message says the file was not saved and how to retry.
 */
export function describeFileFault(t: TFunction, error: BridgeError): string {
  switch (error.code) {
    case 'disk-full':
    case 'read-only':
    case 'not-found':
    case 'too-large':
      return t(`faults.${error.code}`);
    default:
      return t('faults.internal', { message: error.message });
  }
}

/** True when a failed IndexedDB write failed for lack of space (Dexie wraps the DOMException). */
export function isQuotaError(e: unknown): boolean {
  for (let cause: unknown = e, depth = 0; cause && depth < 5; depth++) {
    const name = (cause as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    cause = (cause as { inner?: unknown; cause?: unknown }).inner ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
