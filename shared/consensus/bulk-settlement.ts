import { z } from 'zod';
import { err, ok, type Result } from '../util/result.js';
import { isValidPercent } from '../scoring/percent.js';
import type { ConsensusRecord } from './consensus-record.js';

/**
 * Bulk settlements: the two one-click decisions a panel asks for, as consensus edits like any
 * other, so the hash-chained edit log, `replayConsensus` and the panel return carry them.
 *
 * - `consensus-bulk-accept` gives every listed open item its members' common value at once and
 *   marks each with the settlement's id (`bulk-<seq>`, the seq of its entry in the edit log),
 *   so the consensus list can say "settled in bulk" and one undo can find exactly those items.
 * - `consensus-bulk-undo` opens again the items still carrying that mark; an item the leader
 *   changed by hand since has lost the mark (a `consensus-percent` edit clears it) and stays.
 * - `consensus-exclusions-clear` decides the listed open Art. 14 exclusions as 未发现 (clear).
 *
 * Which items and exclusions qualify is decided in bulk-candidates.ts; here each edit checks
 * only what the record alone can tell (the items exist and are open, the mark is present), so
 * a replay from the log needs nothing but the log.
 */
export const BULK_ID_PATTERN = /^bulk-[1-9]\d{0,8}$/;
export const bulkIdForSeq = (seq: number): string => `bulk-${seq}`;
/** The edit-log seq a bulk id names: what the screens show ("the 2nd consensus edit"), never the id itself. */
export const bulkSeq = (bulkId: string): number => Number(bulkId.slice('bulk-'.length));
/** The target of a `consensus-exclusions-clear` edit: the Art. 14 exclusions as a whole. */
export const EXCLUSIONS_TARGET = 'art14';

export interface BulkPercent {
  itemId: string;
  percent: number;
}

// What each bulk edit's `to` must be: checked here because a replayed log is untrusted data.
const bulkPercentsSchema = z.array(z.strictObject({ itemId: z.string().min(1).max(64), percent: z.number() })).min(1).max(100);
const itemIdsSchema = z.array(z.string().min(1).max(64)).max(100);
const exclusionNumbersSchema = z.array(z.number().int()).min(1).max(7);

export type BulkEdit =
  | { kind: 'consensus-bulk-accept'; itemId: string; to: BulkPercent[] }
  | { kind: 'consensus-bulk-undo'; itemId: string; to: string[] }
  | { kind: 'consensus-exclusions-clear'; itemId: string; to: number[] };

export const BULK_EDIT_KINDS = ['consensus-bulk-accept', 'consensus-bulk-undo', 'consensus-exclusions-clear'] as const;

export function isBulkEdit(edit: { kind: string }): edit is BulkEdit {
  return (BULK_EDIT_KINDS as readonly string[]).includes(edit.kind);
}

/**
 * Applies a bulk edit to `next` (a clone the caller owns) and returns what was there before,
 * or the reason it is refused. Nothing is changed unless every part of the edit is valid.
 */
export function applyBulkEdit(next: ConsensusRecord, edit: BulkEdit): Result<unknown, string> {
  switch (edit.kind) {
    case 'consensus-bulk-accept':
      return acceptInBulk(next, edit.itemId, edit.to);
    case 'consensus-bulk-undo':
      return undoBulk(next, edit.itemId, edit.to);
    case 'consensus-exclusions-clear':
      return clearExclusions(next, edit.itemId, edit.to);
  }
}

function acceptInBulk(next: ConsensusRecord, bulkId: string, to: unknown): Result<unknown, string> {
  if (!BULK_ID_PATTERN.test(bulkId)) return err(`a bulk settlement is named bulk-<n>, not ${bulkId}`);
  const parsed = bulkPercentsSchema.safeParse(to);
  if (!parsed.success) return err(`${bulkId} must list 1 to 100 items, each with its percentage`);
  const values = parsed.data;
  if (next.items.some((i) => i.bulkSettlement === bulkId)) return err(`${bulkId} is already in use`);
  const byId = new Map(next.items.map((i) => [i.itemId, i]));
  const seen = new Set<string>();
  for (const v of values) {
    const item = byId.get(v.itemId);
    if (!item) return err(`item ${v.itemId} is not in criteria set ${next.criteriaSetId}`);
    if (seen.has(v.itemId)) return err(`item ${v.itemId} is listed twice in ${bulkId}`);
    seen.add(v.itemId);
    if (item.percent !== null) return err(`item ${v.itemId} is already settled (${item.percent}%): a bulk settlement only fills open items`);
    if (!isValidPercent(v.percent)) return err(`item ${v.itemId}: ${String(v.percent)} is not a percentage from 0 to 100 in steps of 5`);
  }
  const from = values.map((v) => ({ itemId: v.itemId, percent: null }));
  for (const v of values) {
    const item = byId.get(v.itemId)!;
    item.percent = v.percent;
    item.bulkSettlement = bulkId;
  }
  return ok(from);
}

function undoBulk(next: ConsensusRecord, bulkId: string, to: unknown): Result<unknown, string> {
  const parsed = itemIdsSchema.safeParse(to);
  if (!parsed.success) return err(`undoing ${bulkId} lists the item ids it reopens`);
  const itemIds = parsed.data;
  const marked = next.items.filter((i) => i.bulkSettlement === bulkId);
  if (marked.length === 0) return err(`no item is still settled by ${bulkId}: nothing to undo`);
  const expected = marked.map((i) => i.itemId);
  if (itemIds.length !== expected.length || itemIds.some((id, k) => id !== expected[k])) {
    return err(`undoing ${bulkId} reopens exactly ${expected.join(', ')}, not ${itemIds.join(', ')}`);
  }
  const from = marked.map((i) => ({ itemId: i.itemId, percent: i.percent }));
  for (const item of marked) {
    item.percent = null;
    delete item.bulkSettlement;
  }
  return ok(from);
}

function clearExclusions(next: ConsensusRecord, target: string, to: unknown): Result<unknown, string> {
  if (target !== EXCLUSIONS_TARGET) return err(`consensus-exclusions-clear applies to "${EXCLUSIONS_TARGET}", not ${target}`);
  const parsed = exclusionNumbersSchema.safeParse(to);
  if (!parsed.success) return err('list 1 to 7 Art. 14 exclusions by number');
  const numbers = parsed.data;
  const from: { number: number; status: string }[] = [];
  for (const n of numbers) {
    const exclusion = next.exclusions.find((e) => e.number === n);
    if (!exclusion) return err(`${String(n)} is not an Art. 14 exclusion (1 … 7)`);
    if (from.some((f) => f.number === n)) return err(`Art. 14 exclusion ${n} is listed twice`);
    if (exclusion.status !== 'open') return err(`Art. 14 exclusion ${n} is already decided (${exclusion.status}): only open ones are set in bulk`);
    from.push({ number: n, status: exclusion.status });
  }
  for (const n of numbers) next.exclusions.find((e) => e.number === n)!.status = 'clear';
  return ok(from);
}

/** The bulk settlements still in effect, each with the items it settled (criteria order), for the undo buttons. */
export function bulkSettlementsInEffect(record: ConsensusRecord): { bulkId: string; itemIds: string[] }[] {
  const byBulk = new Map<string, string[]>();
  for (const item of record.items) {
    if (item.bulkSettlement) byBulk.set(item.bulkSettlement, [...(byBulk.get(item.bulkSettlement) ?? []), item.itemId]);
  }
  return [...byBulk.entries()].map(([bulkId, itemIds]) => ({ bulkId, itemIds }));
}
