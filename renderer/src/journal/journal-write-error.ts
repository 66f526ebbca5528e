import i18next from 'i18next';

/** A write the journal did not take: nothing of it was kept, and the message says what to do. */
export class JournalWriteError extends Error {
  override name = 'JournalWriteError';
}

export function staleJournalMessage(): string {
  return i18next.t('journal.stale');
}

export function journalFailedMessage(detail: string): string {
  return i18next.t('journal.appendFailed', { detail });
}
