import { JOURNAL_META_TABLE, POSITION_KEY } from './journal-meta.js';

/**
 * Keeps an IndexedDB transaction from committing while its record goes to the journal.
 * A transaction commits as soon as no request of its is pending, and a request can only be
 * made while one of its callbacks runs; so one cheap read is kept pending, each issued from
 * the last one's callback, until the journal has answered. Requests of the journaling step
 * (the new position) are issued from those callbacks too.
 */
export interface HeldTransaction {
  /** Issues a request from the next callback (the transaction stays held); resolves with its result. */
  issue<T>(make: (tx: IDBTransaction) => IDBRequest<T>): Promise<T>;
  /** Stops holding: the transaction commits once what is pending is done (or the caller aborts). */
  release(): void;
}

export function holdOpen(tx: IDBTransaction): HeldTransaction {
  const store = tx.objectStore(JOURNAL_META_TABLE);
  const queued: (() => void)[] = [];
  let held = true;
  const spin = () => {
    // The key alone: nothing to read from the row or copy into the page, many times a save.
    const request = store.getKey(POSITION_KEY);
    request.onsuccess = () => {
      for (const run of queued.splice(0)) run();
      if (held) spin();
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
    issue: <T>(make: (tx: IDBTransaction) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        if (!held) return reject(new Error('the transaction is no longer held open'));
        queued.push(() => {
          try {
            const request = make(tx);
            request.onsuccess = () => resolve(request.result);
            request.onerror = (e) => {
              e.preventDefault();
              reject(request.error ?? new Error('a request of the journaling step failed'));
            };
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      }),
    release: () => {
      held = false;
    },
  };
}
