import type { Dexie, Transaction } from 'dexie';
import { captureMiddleware, type TransactionCapture } from './capture-middleware.js';
import { journalBeforeCommit } from './journal-before-commit.js';
import type { JournalLink } from './journal-link.js';

type ScopeFunction = (this: Transaction, tx: Transaction) => unknown;

/**
 * Puts the journal in front of every commit of `db`'s read-write transactions:
 * - explicit ones (`db.transaction('rw', …, scope)`): once the scope is done, before the
 *   transaction may commit, its record is journaled (journal-before-commit.ts);
 * - single writes outside a transaction (`table.put`, `collection.modify` …): Dexie ends them
 *   with `commit()`, which is taken over to journal first.
 * A nested transaction is journaled with the one it is part of.
 */
export function attachJournal(db: Dexie, link: JournalLink): void {
  const captures = new WeakMap<object, TransactionCapture>();
  db.use(
    captureMiddleware({
      enabled: () => link.enabled,
      captures,
      created: (capture) => {
        const tx = capture.transaction;
        const commit = typeof tx.commit === 'function' ? tx.commit.bind(tx) : null;
        tx.commit = () => {
          journalBeforeCommit(capture, link).then(
            () => {
              try {
                commit?.();
              } catch (error) {
                // Already committing on its own: once the journal let go of it, nothing was pending
                // (IndexedDB then commits by itself, and commit() throws InvalidStateError; Dexie's
                // own call of commit() is guarded the same way). Uncaught, it was a page error.
                // Anything else is a real failure and must be seen.
                if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
              }
            },
            () => undefined, // aborted; the write rejects with Dexie's abort, link.lastFailure says why
          );
        };
      },
    }),
  );
  const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  const journaled = (...args: unknown[]): Promise<unknown> => {
    const scope = args.at(-1);
    if (typeof scope !== 'function' || !/^(rw|readwrite)/.test(String(args[0]))) return original(...args);
    const wrapped = async function (this: Transaction, tx: Transaction): Promise<unknown> {
      const result = await (scope as ScopeFunction).call(this, tx);
      const capture = tx.parent ? undefined : captures.get(tx.idbtrans);
      if (capture) await journalBeforeCommit(capture, link);
      return result;
    };
    return original(...args.slice(0, -1), wrapped);
  };
  (db as unknown as { transaction: typeof journaled }).transaction = journaled;
}
