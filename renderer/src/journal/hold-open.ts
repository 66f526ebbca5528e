import { JOURNAL_META_TABLE, POSITION_KEY } from './journal-meta.js';

/**
 * Keeps an IndexedDB transaction from committing while its record goes to the journal.
 * A transaction commits as soon as no request of its is pending, and a request can only be
 * made while one of its callbacks runs; so one cheap read is kept pending, each issued from
 * the last one's callback, until the journal has answered. Then the transaction's last
 * request (the new position) is issued from that callback, and it commits after it.
 */
export interface HeldTransaction {
  /** Issues the last request from the next callback; resolves with its result. */
  finish<T>(issue: (tx: IDBTransaction) => IDBRequest<T>): Promise<T>;
  /** Stops holding (the caller aborts instead). */
  release(): void;
}

export function holdOpen(tx: IDBTransaction): HeldTransaction {
  const store = tx.objectStore(JOURNAL_META_TABLE);
  let last: (() => void) | null = null;
  let stopped = false;
  const spin = () => {
    const request = store.get(POSITION_KEY);
    request.onsuccess = () => {
      if (stopped) return;
      if (!last) return spin();
      stopped = true;
      last();
    };
    request.onerror = (e) => {
      // Not the app's failure to report: the journaling step sees the transaction end.
      e.preventDefault();
      e.stopPropagation();
    };
  };
  // Throws TransactionInactiveError when called outside a callback: the caller aborts then.
  spin();
  return {
    finish: <T>(issue: (tx: IDBTransaction) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        if (stopped) return reject(new Error('the transaction is no longer held open'));
        last = () => {
          try {
            const request = issue(tx);
            request.onsuccess = () => resolve(request.result);
            request.onerror = (e) => {
              e.preventDefault();
              reject(request.error ?? new Error('the journal position could not be written'));
            };
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        };
      }),
    release: () => {
      stopped = true;
    },
  };
}
