import { z } from 'zod';
import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex, toHex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import { sha256Sync } from './sha256-sync.js';

/**
 * The tamper-evident trail of score changes (Art. 26: favouritism in scoring is punishable,
 * so every change must leave a trace nobody can quietly rewrite). Each entry holds the
 * SHA-256 of the one before it, so editing, dropping or reordering any old entry breaks
 * every link after it. Pure: the same code runs in the renderer, in Node and in the CLI.
 */

/** prevHash of the first entry: no entry came before it. */
export const HISTORY_GENESIS_HASH = '0'.repeat(64);

const HISTORY_KINDS = ['score', 'consensus'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');
const percentOrNull = z.number().int().min(0).max(100).nullable();

export const historyEntrySchema = z.strictObject({
  /** 1 for the first entry, then one more for each. */
  seq: z.number().int().min(1),
  /** ISO 8601 time of the change. */
  at: z.string().min(1).max(64),
  /** Who made the change (the expert's or leader's id). */
  actor: z.string().min(1).max(200),
  kind: z.enum(HISTORY_KINDS),
  itemId: z.string().min(1).max(64),
  /** Percentage before and after; null means "not scored". */
  from: percentOrNull,
  to: percentOrNull,
  prevHash: hashSchema,
  hash: hashSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** What the caller knows about a change; the chain fills in seq, prevHash and hash. */
export type HistoryChange = Pick<HistoryEntry, 'at' | 'actor' | 'kind' | 'itemId' | 'from' | 'to'>;

function entryBytes(entry: Omit<HistoryEntry, 'hash'>): Uint8Array {
  const { seq, at, actor, kind, itemId, from, to, prevHash } = entry;
  return new TextEncoder().encode(canonicalJson({ seq, at, actor, kind, itemId, from, to, prevHash }));
}

/** SHA-256 over the canonical JSON of the entry without its own hash (WebCrypto). */
export async function hashHistoryEntry(entry: Omit<HistoryEntry, 'hash'>): Promise<string> {
  return sha256Hex(entryBytes(entry));
}

/** The entry that follows `last` (or starts the chain when there is none). */
export function nextHistoryEntry(last: HistoryEntry | undefined, change: HistoryChange): Promise<HistoryEntry> {
  return Promise.resolve(nextHistoryEntrySync(last, change));
}

/**
 * The same, synchronously, so a database transaction can append the entry without waiting
 * on anything outside the database (which would end the transaction).
 */
export function nextHistoryEntrySync(last: HistoryEntry | undefined, change: HistoryChange): HistoryEntry {
  const body = {
    seq: last ? last.seq + 1 : 1,
    at: change.at,
    actor: change.actor,
    kind: change.kind,
    itemId: change.itemId,
    from: change.from,
    to: change.to,
    prevHash: last ? last.hash : HISTORY_GENESIS_HASH,
  };
  return { ...body, hash: toHex(sha256Sync(entryBytes(body))) };
}

export type HistoryProblem = 'malformed' | 'seq' | 'prev-hash' | 'hash';

export interface HistoryBreak {
  /** The seq of the first entry that does not hold (its position when seq itself is wrong). */
  seq: number;
  problem: HistoryProblem;
  message: string;
}

export interface HistoryHead {
  length: number;
  /** Hash of the last entry; the genesis value for an empty history. */
  headHash: string;
}

/**
 * Checks a whole chain, entries in seq order. Returns the head when every link holds, or
 * the first broken link and what is wrong with it.
 */
export async function verifyHistoryChain(entries: readonly unknown[]): Promise<Result<HistoryHead, HistoryBreak>> {
  let prevHash = HISTORY_GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const position = i + 1;
    const parsed = historyEntrySchema.safeParse(entries[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'not an entry';
      return err({ seq: position, problem: 'malformed', message: `history entry ${position} is malformed (${where})` });
    }
    const entry = parsed.data;
    if (entry.seq !== position) {
      return err({ seq: position, problem: 'seq', message: `history entry ${position} has seq ${entry.seq}: an entry is missing, added or out of order` });
    }
    if (entry.prevHash !== prevHash) {
      return err({ seq: entry.seq, problem: 'prev-hash', message: `history entry ${entry.seq} does not follow entry ${entry.seq - 1}: an earlier entry was changed or removed` });
    }
    const { hash, ...body } = entry;
    if ((await hashHistoryEntry(body)) !== hash) {
      return err({ seq: entry.seq, problem: 'hash', message: `history entry ${entry.seq} was changed after it was written` });
    }
    prevHash = hash;
  }
  return ok({ length: entries.length, headHash: prevHash });
}
