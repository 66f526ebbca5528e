import i18next from 'i18next';
import { isQuotaError } from './file-fault.js';
import { appJournalLink } from '../../journal/app-journal.js';

/**
 * What a person reads when a write to the local database failed. A full disk (IndexedDB's
 * QuotaExceededError, which Dexie wraps) gets a plain Chinese explanation that nothing
 * saved before is affected and what to do; anything else keeps its own message.
 */
export function describeWriteError(e: unknown): string {
  if (isQuotaError(e)) return i18next.t('faults.quota');
  // A single write the journal refused reaches the page as Dexie's bare abort: say why.
  const journal = appJournalLink()?.lastFailure;
  if ((e as { name?: unknown } | null)?.name === 'AbortError' && journal && Date.now() - journal.at < 5000) return journal.error.message;
  return e instanceof Error ? e.message : String(e);
}
