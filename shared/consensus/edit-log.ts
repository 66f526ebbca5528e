import { HISTORY_GENESIS_HASH } from '../history/hash-chain.js';
import { sha256Sync } from '../history/sha256-sync.js';
import { canonicalJson } from '../util/canonical-json.js';
import { toHex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import type { ConsensusHistoryFields } from './consensus-edits.js';

/**
 * The leader's consensus edit log: every edit (percent, rationale, notes, exclusions,
 * overall evaluation) as `{ seq, at, actor, kind, itemId, from, to, prevHash, hash }`,
 * chained exactly like the score history (shared/history/hash-chain.ts) but admitting any
 * JSON value in `from`/`to`. Synchronous, so it runs inside a Dexie transaction.
 */
export interface EditLogEntry extends ConsensusHistoryFields {
  seq: number;
  at: string;
  actor: string;
  prevHash: string;
  hash: string;
}

function bodyBytes(e: Omit<EditLogEntry, 'hash'>): Uint8Array {
  const { seq, at, actor, kind, itemId, from, to, prevHash } = e;
  return new TextEncoder().encode(canonicalJson({ seq, at, actor, kind, itemId, from: from ?? null, to: to ?? null, prevHash }));
}

export function nextEditLogEntry(last: EditLogEntry | undefined, fields: ConsensusHistoryFields, at: string, actor: string): EditLogEntry {
  const body = { seq: last ? last.seq + 1 : 1, at, actor, kind: fields.kind, itemId: fields.itemId, from: fields.from ?? null, to: fields.to ?? null, prevHash: last ? last.hash : HISTORY_GENESIS_HASH };
  return { ...body, hash: toHex(sha256Sync(bodyBytes(body))) };
}

/** Checks every link; the first broken one is named by its seq. */
export function verifyEditLog(entries: readonly EditLogEntry[]): Result<{ length: number; headHash: string }, string> {
  let prevHash = HISTORY_GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return err(`consensus edit ${i + 1} has seq ${e.seq}: an edit is missing, added or out of order`);
    if (e.prevHash !== prevHash) return err(`consensus edit ${e.seq} does not follow edit ${e.seq - 1}: an earlier edit was changed or removed`);
    const { hash, ...body } = e;
    if (toHex(sha256Sync(bodyBytes(body))) !== hash) return err(`consensus edit ${e.seq} was changed after it was written`);
    prevHash = hash;
  }
  return ok({ length: entries.length, headHash: prevHash });
}
