import type { TFunction } from 'i18next';
import type { BridgeError } from '../../../../shared/bridge/contract.js';

/**
 * The message for a host call that failed, in the UI language with the next step: a file the
 * host could not write (`save`), a file it could not read (`open`), or another request
 * (`other`). The Electron host maps the OS errors (ENOSPC, EROFS/EACCES/EPERM, ENOENT) to these
 * codes; whatever was being saved is still in memory, so a save's message says how to retry.
 * The host's own message (English, technical) goes to the console, not to the screen.
 */
export function describeFileFault(t: TFunction, error: BridgeError, doing: 'save' | 'open' | 'other' = 'save'): string {
  console.warn(`host ${doing} failed: ${error.code}: ${error.message}`);
  if (doing === 'open') return t(`faults.open.${error.code === 'not-found' || error.code === 'too-large' ? error.code : 'other'}`);
  if (doing === 'other') return t(error.code === 'not-permitted' ? 'faults.notPermitted' : 'faults.otherFailed');
  switch (error.code) {
    case 'disk-full':
    case 'read-only':
    case 'not-found':
    case 'too-large':
      return t(`faults.${error.code}`);
    default:
      return t('faults.internal');
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
