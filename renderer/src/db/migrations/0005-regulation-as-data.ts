import type { Transaction } from 'dexie';
import { DRAFT_2021 } from '../../../../shared/regulation/presets.js';
import type { Migration } from './migration.js';

/**
 * The regulation as data (docs/secretariat.md). Adds the secretariat's staff (recused like
 * experts, Art. 18) and its imported criteria sets (Art. 16), and brings stored records to
 * the shapes that carry the cycle's rules:
 * - a cycle's rules state every rule: what was stored is kept, the rest is the 2021 draft (what
 *   the software applied until now), a nomination minimum never stated becomes 0 (no floor,
 *   as applied until now), reservations keep their meaning (a guaranteed minimum, left vacant);
 * - an assignment (the secretariat's issued ones, a member's received ones) and an expert's
 *   review carry rules: those issued before carried only the divergence limit, and were
 *   scored under the draft's threshold with no nomination floor, so that is what they get;
 * - an applicant gets its dates (none known yet), prior awards (none recorded), handlers
 *   (none); the checklist's "operating 3 years" and "excellence model 1 year" become the
 *   conditions whose years are now computed from dates, and the self-assessment report keeps
 *   the tick the old combined condition had;
 * - an expert's declared interest kinds take the declaration's names (one list for both), and
 *   the expert's employer is the organisation on the identity card.
 */
type Row = Record<string, unknown>;

function legacyRules(stored: Row | undefined, divergenceLimit?: number): Row {
  const old = stored ?? {};
  const keep = (key: string) => (typeof old[key] === 'number' ? { [key]: old[key] } : {});
  const reservations = Array.isArray(old.reservations) ? (old.reservations as Row[]).map((r) => ({ award: 0, nomination: 0, ...r, kind: 'guaranteed-minimum' })) : [];
  const limit = typeof old.divergenceLimitPoints === 'number' ? old.divergenceLimitPoints : divergenceLimit;
  return {
    ...structuredClone(DRAFT_2021.rules),
    preset: 'draft-2021',
    ...keep('awardQuota'),
    ...keep('nominationQuota'),
    ...keep('awardThresholdPoints'),
    ...keep('panelSizeMin'),
    ...keep('panelSizeMax'),
    ...keep('awardValidityYears'),
    ...keep('publicNoticeMinDays'),
    ...(typeof limit === 'number' ? { divergenceLimitPoints: Math.max(5, limit) } : {}),
    nominationMinimumPoints: typeof old.nominationMinimumPoints === 'number' ? old.nominationMinimumPoints : 0,
    reservations,
    unfilledReserved: 'vacant',
  };
}

/** An assignment's content with the rules it was issued under, and no divergence limit of its own. */
function withRules(content: Row): Row {
  if (content.rules) return content;
  const panel = { ...(content.panel as Row) };
  const limit = panel.divergenceLimit;
  delete panel.divergenceLimit;
  return { ...content, panel, rules: legacyRules(undefined, typeof limit === 'number' ? limit : undefined) };
}

const INTEREST_KINDS: Readonly<Record<string, string>> = { 'consultancy-client': 'consultancy', 'relative-employer': 'family' };

function renamedChecklist(eligibility: Row): Row {
  const next = { ...eligibility };
  if ('operating-3-years' in next) {
    next['operating-years'] = next['operating-3-years'];
    delete next['operating-3-years'];
  }
  if ('excellence-model-1-year' in next) {
    next['self-assessment'] = next['excellence-model-1-year'];
    next['excellence-model-years'] = { status: 'unchecked', evidence: '' };
    delete next['excellence-model-1-year'];
  }
  return next;
}

async function upgrade(tx: Transaction): Promise<void> {
  await tx.table('secCycles').toCollection().modify((row: Row) => {
    const cycle = row.cycle as Row;
    row.cycle = { ...cycle, rules: legacyRules(cycle.rules as Row | undefined) };
  });
  await tx.table('secAssignments').toCollection().modify((row: Row) => {
    row.content = withRules(row.content as Row);
  });
  await tx.table('panelAssignments').toCollection().modify((row: Row) => {
    row.content = withRules(row.content as Row);
  });
  await tx.table('reviews').toCollection().modify((row: Row) => {
    const assignment = row.assignment as Row;
    if (!assignment.rules) row.assignment = { ...assignment, rules: legacyRules(undefined) };
  });
  await tx.table('secApplicants').toCollection().modify((row: Row) => {
    const record = row.record as Row;
    row.record = {
      facts: { incidents: [] },
      priorAwards: [],
      handlerIds: [],
      ...record,
      eligibility: renamedChecklist((record.eligibility as Row | undefined) ?? {}),
    };
  });
  await tx.table('secExperts').toCollection().modify((row: Row) => {
    const expert = row.expert as Row;
    const interests = ((expert.interests as Row[] | undefined) ?? []).map((i) => ({ ...i, kind: INTEREST_KINDS[i.kind as string] ?? i.kind }));
    const organisation = typeof expert.organisation === 'string' ? expert.organisation : '';
    row.expert = { ...expert, interests, employer: (expert.employer as Row | undefined) ?? { name: organisation } };
  });
}

export const migration0005RegulationAsData: Migration = {
  version: 5,
  stores: {
    secStaff: 'id',
    secCriteriaSets: 'id',
  },
  upgrade,
};
