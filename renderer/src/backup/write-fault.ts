import i18next from 'i18next';
import { isQuotaError } from './file-fault.js';

/**
 * What a person reads when a write to the local database failed. A full disk (IndexedDB's
 * QuotaExceededError, which Dexie wraps) gets a plain Chinese explanation that nothing
 * saved before is affected and what to do; anything else keeps its own message.
 */
export function describeWriteError(e: unknown): string {
  if (isQuotaError(e)) return i18next.t('faults.quota');
  return e instanceof Error ? e.message : String(e);
}
