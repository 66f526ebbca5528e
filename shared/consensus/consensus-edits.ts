import { canonicalJson } from '../util/canonical-json.js';
import { err, ok, type Result } from '../util/result.js';
import { consensusRecordSchema, type ConsensusRecord, type ExclusionConsensus, type PanelNote } from './consensus-record.js';
import type { VisitRecord } from './visit-record.js';
import { applyBulkEdit, BULK_EDIT_KINDS, isBulkEdit, type BulkEdit } from './bulk-settlement.js';

/**
 * Every consensus change is one edit, and every edit becomes one entry of the hash-chained
 * history `{ seq, at, actor, kind, itemId, from, to, prevHash, hash }` (shared/history):
 * the caller adds seq, at, actor and the hashes; this module gives kind, itemId, from, to.
 * `from` is read from the record, never taken from the caller, so history cannot lie
 * about what was there before.
 */
export const OVERALL_TARGET = 'overall';
/** The target of a `consensus-visit` edit: the whole visit record at once. */
export const VISIT_TARGET = 'visit';
export const exclusionTarget = (n: number): string => `art14-${n}`;

export type ConsensusEdit =
  | { kind: 'consensus-percent'; itemId: string; to: number | null }
  | { kind: 'consensus-rationale'; itemId: string; to: string }
  | { kind: 'consensus-strengths'; itemId: string; to: PanelNote[] }
  | { kind: 'consensus-ofis'; itemId: string; to: PanelNote[] }
  | { kind: 'consensus-exclusion'; itemId: string; to: Pick<ExclusionConsensus, 'status' | 'note'> }
  | { kind: 'consensus-overall'; itemId: string; to: string }
  | { kind: 'consensus-key-strengths'; itemId: string; to: string[] }
  | { kind: 'consensus-key-ofis'; itemId: string; to: string[] }
  | { kind: 'consensus-visit'; itemId: string; to: VisitRecord }
  | BulkEdit;

export type ConsensusEditKind = ConsensusEdit['kind'];
export const CONSENSUS_EDIT_KINDS: readonly ConsensusEditKind[] = [
  'consensus-percent',
  'consensus-rationale',
  'consensus-strengths',
  'consensus-ofis',
  'consensus-exclusion',
  'consensus-overall',
  'consensus-key-strengths',
  'consensus-key-ofis',
  'consensus-visit',
  ...BULK_EDIT_KINDS,
];

/** The part of a history entry this module owns. */
export interface ConsensusHistoryFields {
  kind: ConsensusEditKind;
  itemId: string;
  from: unknown;
  to: unknown;
}

export interface AppliedEdit {
  record: ConsensusRecord;
  entry: ConsensusHistoryFields;
}

/** Applies one edit; a bad edit is refused with the reason and the record is untouched. */
export function applyConsensusEdit(record: ConsensusRecord, edit: ConsensusEdit): Result<AppliedEdit, string> {
  const next = structuredClone(record);
  let from: unknown;
  if (isBulkEdit(edit)) {
    const bulk = applyBulkEdit(next, edit);
    if (!bulk.ok) return err(`${edit.kind} on ${edit.itemId} refused: ${bulk.error}`);
    from = bulk.value;
  } else if (edit.kind === 'consensus-exclusion') {
    const exclusion = next.exclusions.find((e) => exclusionTarget(e.number) === edit.itemId);
    if (!exclusion) return err(`${edit.itemId} is not an Art. 14 exclusion (art14-1 … art14-7)`);
    from = { status: exclusion.status, note: exclusion.note };
    exclusion.status = edit.to.status;
    exclusion.note = edit.to.note;
  } else if (edit.kind === 'consensus-visit') {
    if (edit.itemId !== VISIT_TARGET) return err(`consensus-visit applies to "${VISIT_TARGET}", not ${edit.itemId}`);
    from = next.visit ?? null;
    next.visit = structuredClone(edit.to);
  } else if (edit.kind === 'consensus-overall' || edit.kind === 'consensus-key-strengths' || edit.kind === 'consensus-key-ofis') {
    if (edit.itemId !== OVERALL_TARGET) return err(`${edit.kind} applies to "${OVERALL_TARGET}", not ${edit.itemId}`);
    const field = ({ 'consensus-overall': 'overallEvaluation', 'consensus-key-strengths': 'keyStrengths', 'consensus-key-ofis': 'keyOfis' } as const)[edit.kind];
    from = next[field];
    (next as Record<typeof field, unknown>)[field] = structuredClone(edit.to);
  } else {
    const item = next.items.find((i) => i.itemId === edit.itemId);
    if (!item) return err(`item ${edit.itemId} is not in criteria set ${record.criteriaSetId}`);
    const field = ({ 'consensus-percent': 'percent', 'consensus-rationale': 'rationale', 'consensus-strengths': 'strengths', 'consensus-ofis': 'ofis' } as const)[edit.kind];
    from = item[field];
    (item as Record<typeof field, unknown>)[field] = structuredClone(edit.to);
    // A percentage set by hand is the leader's own decision: it no longer belongs to a bulk
    // settlement, so undoing that bulk leaves it alone.
    if (edit.kind === 'consensus-percent') delete item.bulkSettlement;
  }
  const checked = consensusRecordSchema.safeParse(next);
  if (!checked.success) {
    return err(`${edit.kind} on ${edit.itemId} refused: ${checked.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ')}`);
  }
  return ok({ record: checked.data, entry: { kind: edit.kind, itemId: edit.itemId, from: structuredClone(from), to: structuredClone(edit.to) } });
}

/**
 * Rebuilds a record from its start and the history's edits, so a reader can check that
 * the consensus a package carries is exactly what its history says happened.
 */
export function replayConsensus(start: ConsensusRecord, entries: readonly ConsensusHistoryFields[]): Result<ConsensusRecord, string> {
  let record = start;
  for (const [index, entry] of entries.entries()) {
    const applied = applyConsensusEdit(record, { kind: entry.kind, itemId: entry.itemId, to: entry.to } as ConsensusEdit);
    if (!applied.ok) return err(`history entry ${index + 1}: ${applied.error}`);
    if (canonicalJson(applied.value.entry.from) !== canonicalJson(entry.from ?? null)) {
      return err(`history entry ${index + 1} (${entry.kind} on ${entry.itemId}) says the value before was not what the record held`);
    }
    record = applied.value.record;
  }
  return ok(record);
}
