import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { bulkAcceptCandidates } from '../../shared/consensus/bulk-candidates.js';
import { consolidate } from '../../shared/consensus/consolidate.js';
import { applyConsensusEdit } from '../../shared/consensus/consensus-edits.js';
import { consensusRecordSchema } from '../../shared/consensus/consensus-record.js';
import type { MemberScores, PanelMember } from '../../shared/consensus/member-scores.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { panelReturnContentSchema } from '../../shared/packages/content/panel-return.js';
import { memoryConsensusLedger } from '../../shared/workflow/memory/consensus-ledger.js';
import { steppingClock } from '../../shared/workflow/ports/clock.js';
import { settleConsensus, startConsensus, verifyConsensusTrail } from '../../shared/workflow/settle-consensus.js';
import { acceptCommonValues, clearOpenExclusions, undoBulkSettlement } from '../../shared/workflow/settle-in-bulk.js';

const items = itemsOf(GBT19580_2012);
const roster: PanelMember[] = ['m1', 'm2', 'm3'].map((id, i) => ({ memberId: id, name: `专家${i + 1}`, organisation: '郑州大学', role: i === 0 ? 'leader' : 'expert', fingerprint: `1234 000${i}` }));

/**
 * Three members: 50, 55, 60 on every item (common value 55), except 4.1.2 divergent (30, 50,
 * 70), 4.1.3 not scored by m3, and exclusion 5 flagged by m2.
 */
function sheets(): MemberScores[] {
  const base: Record<string, number> = { m1: 50, m2: 55, m3: 60 };
  return roster.map((m) => ({
    memberId: m.memberId,
    exclusions: m.memberId === 'm2' ? [{ number: 5, status: 'flagged', note: '2024 年亏损' }] : [],
    items: Object.fromEntries(
      items.map((item) => {
        let percent: number | undefined = base[m.memberId];
        if (item.id === '4.1.2') percent = { m1: 30, m2: 50, m3: 70 }[m.memberId];
        if (item.id === '4.1.3' && m.memberId === 'm3') percent = undefined;
        return [item.id, { percent, strengths: [], ofis: [] }];
      }),
    ),
  }));
}

const matrix = consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: sheets(), divergenceLimit: 20 });
const ports = () => ({ clock: steppingClock(new Date('2026-11-27T08:00:00.000Z')), actor: 'a'.repeat(32) });

async function started() {
  const ledger = memoryConsensusLedger();
  const p = ports();
  await startConsensus(ledger, 'r1', GBT19580_2012, p);
  return { ledger, p };
}

describe('bulk settlement of the consensus (shared/workflow/settle-in-bulk.ts)', () => {
  it('accepts the common value for every open, non-divergent, fully scored item, marks each, and the trail verifies', async () => {
    const { ledger, p } = await started();
    // The leader settles 4.4.2 by hand first: the bulk must leave it as it is.
    await settleConsensus(ledger, 'r1', { kind: 'consensus-percent', itemId: '4.4.2', to: 70 }, p);
    const bulk = await acceptCommonValues(ledger, 'r1', matrix, p);
    if (!bulk.ok) throw new Error(bulk.error.en);
    expect(bulk.value.bulkId).toBe('bulk-2');
    expect(bulk.value.itemIds).toHaveLength(items.length - 3);
    expect(bulk.value.itemIds).not.toContain('4.1.2');
    expect(bulk.value.itemIds).not.toContain('4.1.3');
    expect(bulk.value.itemIds).not.toContain('4.4.2');
    const record = bulk.value.record;
    const byId = new Map(record.items.map((i) => [i.itemId, i]));
    expect(byId.get('4.1.4')).toMatchObject({ percent: 55, bulkSettlement: 'bulk-2' });
    expect(byId.get('4.1.2')).toMatchObject({ percent: null });
    expect(byId.get('4.1.2')!.bulkSettlement).toBeUndefined();
    expect(byId.get('4.1.3')!.percent).toBeNull();
    expect(byId.get('4.4.2')).toEqual({ itemId: '4.4.2', percent: 70, rationale: '', strengths: [], ofis: [] });

    const trail = (await ledger.trail('r1'))!;
    expect(trail.edits.map((e) => [e.seq, e.kind, e.itemId])).toEqual([[1, 'consensus-percent', '4.4.2'], [2, 'consensus-bulk-accept', 'bulk-2']]);
    // One score-history entry per item the bulk settled, after the hand edit's.
    expect(trail.scores).toHaveLength(1 + items.length - 3);
    expect(trail.scores.at(-1)).toMatchObject({ kind: 'consensus', from: null, to: 55 });
    expect(await verifyConsensusTrail(trail, GBT19580_2012)).toEqual({ ok: true, value: { edits: 2 } });
    // A second bulk finds nothing left to settle and records nothing.
    expect(await acceptCommonValues(ledger, 'r1', matrix, p)).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    expect((await ledger.trail('r1'))!.edits).toHaveLength(2);
  });

  it('undoes exactly its own bulk, leaving what the leader settled or changed by hand', async () => {
    const { ledger, p } = await started();
    await settleConsensus(ledger, 'r1', { kind: 'consensus-percent', itemId: '4.4.2', to: 70 }, p);
    const bulk = await acceptCommonValues(ledger, 'r1', matrix, p);
    if (!bulk.ok) throw new Error(bulk.error.en);
    // After the bulk, the leader changes 4.1.4 by hand to 60 and keeps 4.2.2 at 55 by retyping it (no change: still the bulk's).
    await settleConsensus(ledger, 'r1', { kind: 'consensus-percent', itemId: '4.1.4', to: 60 }, p);
    const undone = await undoBulkSettlement(ledger, 'r1', 'bulk-2', p);
    if (!undone.ok) throw new Error(undone.error.en);
    expect(undone.value.itemIds).toHaveLength(bulk.value.itemIds.length - 1);
    expect(undone.value.itemIds).not.toContain('4.1.4');
    const byId = new Map(undone.value.record.items.map((i) => [i.itemId, i]));
    expect(byId.get('4.1.4')).toMatchObject({ percent: 60 });
    expect(byId.get('4.1.4')!.bulkSettlement).toBeUndefined();
    expect(byId.get('4.4.2')!.percent).toBe(70);
    expect(byId.get('4.2.2')!.percent).toBeNull();
    expect(undone.value.record.items.filter((i) => i.percent !== null).map((i) => i.itemId).sort()).toEqual(['4.1.4', '4.4.2']);
    expect(undone.value.record.items.some((i) => i.bulkSettlement !== undefined)).toBe(false);

    const trail = (await ledger.trail('r1'))!;
    expect(trail.edits.at(-1)).toMatchObject({ kind: 'consensus-bulk-undo', itemId: 'bulk-2' });
    expect(trail.scores.at(-1)).toMatchObject({ kind: 'consensus', from: 55, to: null });
    expect(await verifyConsensusTrail(trail, GBT19580_2012)).toEqual({ ok: true, value: { edits: 4 } });
    // Undoing again: nothing left, nothing recorded.
    expect(await undoBulkSettlement(ledger, 'r1', 'bulk-2', p)).toMatchObject({ ok: false, error: { code: 'mismatch' } });
    expect((await ledger.trail('r1'))!.edits).toHaveLength(4);
  });

  it('never offers a divergent item, whatever the cycle’s divergence limit', async () => {
    for (const limit of [0, 5, 10, 20, 40]) {
      const m = consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: sheets(), divergenceLimit: limit });
      const { accept, divergent } = bulkAcceptCandidates(m, newConsensusRecord(GBT19580_2012));
      expect(divergent).toEqual(m.divergentItemIds);
      expect(accept.filter((a) => m.divergentItemIds.includes(a.itemId))).toEqual([]);
      const { ledger, p } = await started();
      const bulk = await acceptCommonValues(ledger, 'r1', m, p);
      // At limit 5 and below every item spreads over it (50, 55, 60): nothing is settled at all.
      if (limit < 10) expect(bulk).toMatchObject({ ok: false, error: { code: 'not-ready' } });
      else expect(bulk.ok && bulk.value.record.items.filter((i) => m.divergentItemIds.includes(i.itemId)).every((i) => i.percent === null)).toBe(true);
    }
  });

  it('refuses bulk edits that would overwrite a settled item, name a bad id or undo someone else’s items', () => {
    const start = newConsensusRecord(GBT19580_2012);
    const hand = applyConsensusEdit(start, { kind: 'consensus-percent', itemId: '4.1.4', to: 60 });
    if (!hand.ok) throw new Error(hand.error);
    const over = applyConsensusEdit(hand.value.record, { kind: 'consensus-bulk-accept', itemId: 'bulk-2', to: [{ itemId: '4.1.4', percent: 55 }] });
    expect(!over.ok && over.error).toMatch(/4\.1\.4 is already settled/);
    expect(applyConsensusEdit(start, { kind: 'consensus-bulk-accept', itemId: 'all', to: [{ itemId: '4.1.4', percent: 55 }] })).toMatchObject({ ok: false });
    expect(applyConsensusEdit(start, { kind: 'consensus-bulk-accept', itemId: 'bulk-1', to: [{ itemId: '4.1.4', percent: 52 }] })).toMatchObject({ ok: false });
    const bulk = applyConsensusEdit(start, { kind: 'consensus-bulk-accept', itemId: 'bulk-1', to: [{ itemId: '4.1.4', percent: 55 }, { itemId: '4.2.2', percent: 55 }] });
    if (!bulk.ok) throw new Error(bulk.error);
    const partial = applyConsensusEdit(bulk.value.record, { kind: 'consensus-bulk-undo', itemId: 'bulk-1', to: ['4.1.4'] });
    expect(!partial.ok && partial.error).toMatch(/reopens exactly 4\.1\.4, 4\.2\.2/);
    // A record that says an open item was settled in bulk is not a valid record.
    const broken = structuredClone(bulk.value.record);
    broken.items[0]!.bulkSettlement = 'bulk-1';
    broken.items[0]!.percent = null;
    expect(consensusRecordSchema.safeParse(broken).success).toBe(false);
  });

  it('sets the open Art. 14 exclusions no member flagged to clear, exactly as confirmed', async () => {
    const { ledger, p } = await started();
    await settleConsensus(ledger, 'r1', { kind: 'consensus-exclusion', itemId: 'art14-2', to: { status: 'flagged', note: '缺少许可证' } }, p);
    // The dialog listed 1, 3, 4, 6, 7 (5 is flagged by m2, 2 is decided); a stale list is refused.
    expect(await clearOpenExclusions(ledger, 'r1', sheets(), [1, 2, 3, 4, 6, 7], p)).toMatchObject({ ok: false, error: { code: 'mismatch' } });
    const cleared = await clearOpenExclusions(ledger, 'r1', sheets(), [7, 1, 3, 4, 6], p);
    if (!cleared.ok) throw new Error(cleared.error.en);
    expect(cleared.value.exclusions.map((e) => e.status)).toEqual(['clear', 'flagged', 'clear', 'clear', 'open', 'clear', 'clear']);
    const trail = (await ledger.trail('r1'))!;
    expect(trail.edits.at(-1)).toMatchObject({ kind: 'consensus-exclusions-clear', itemId: 'art14', to: [1, 3, 4, 6, 7] });
    expect(await verifyConsensusTrail(trail, GBT19580_2012)).toEqual({ ok: true, value: { edits: 2 } });
    expect(await clearOpenExclusions(ledger, 'r1', sheets(), [], p)).toMatchObject({ ok: false, error: { code: 'not-ready' } });
  });

  it('a tampered bulk entry breaks the trail', async () => {
    const { ledger, p } = await started();
    await acceptCommonValues(ledger, 'r1', matrix, p);
    const trail = (await ledger.trail('r1'))!;
    const stored = structuredClone(trail);
    stored.record.items.find((i) => i.itemId === '4.1.4')!.percent = 60;
    expect(await verifyConsensusTrail(stored, GBT19580_2012)).toMatchObject({ ok: false, error: expect.stringMatching(/not what its edit history says/) as unknown });
  });

  it('the panel return still takes a consensus with and without bulk marks', async () => {
    const { ledger, p } = await started();
    await acceptCommonValues(ledger, 'r1', matrix, p);
    const record = (await ledger.trail('r1'))!.record;
    const consensus = panelReturnContentSchema.shape.consensus;
    expect(consensus.safeParse(record).success).toBe(true);
    expect(consensus.safeParse(newConsensusRecord(GBT19580_2012)).success).toBe(true);
  });
});
