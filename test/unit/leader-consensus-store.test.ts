import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { writeNote } from '../../shared/consensus/panel-notes.js';
import { acceptLeaderCommonValues, applyLeaderEdit, clearLeaderExclusions, ensureConsensus, undoLeaderBulk, verifyConsensusTrail, type LeaderWriteContext } from '../../renderer/src/workspaces/leader/store/consensus-store.js';
import { consolidate } from '../../shared/consensus/consolidate.js';
import type { MemberScores, PanelMember } from '../../shared/consensus/member-scores.js';
import { freshDatabase } from './db-test-helpers.js';

function context(): LeaderWriteContext {
  let t = Date.parse('2026-11-27T08:00:00.000Z');
  return { db: freshDatabase(), actor: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', now: () => new Date((t += 1000)) };
}

const [first, second] = itemsOf(GBT19580_2012);

describe('leader consensus store', () => {
  it('saves each edit, appends the hash-chained log, and replays to the stored record', async () => {
    const ctx = context();
    await ensureConsensus(ctx, 'r1', GBT19580_2012);
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 60 });
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 65 });
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-rationale', itemId: first!.id, to: '经讨论取 65%' });
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-strengths', itemId: second!.id, to: [writeNote('p1', '领导重视质量')] });
    const state = await ctx.db.consensusStates.get('r1');
    expect(state?.record.items.find((i) => i.itemId === first!.id)).toMatchObject({ percent: 65, rationale: '经讨论取 65%' });
    const log = await ctx.db.consensusEdits.where('reviewId').equals('r1').toArray();
    expect(log.map((e) => [e.seq, e.kind, e.from, e.to])).toEqual([
      [1, 'consensus-percent', null, 60],
      [2, 'consensus-percent', 60, 65],
      [3, 'consensus-rationale', '', '经讨论取 65%'],
      [4, 'consensus-strengths', [], [{ id: 'p1', text: '领导重视质量', origin: 'written', sources: [] }]],
    ]);
    const scores = await ctx.db.consensusScoreHistory.where('reviewId').equals('r1').toArray();
    expect(scores.map((e) => [e.kind, e.from, e.to])).toEqual([['consensus', null, 60], ['consensus', 60, 65]]);
    expect(await verifyConsensusTrail(ctx.db, 'r1', GBT19580_2012)).toEqual({ ok: true, value: { edits: 4 } });
  });

  it('refuses an edit off the 5% grid and changes nothing', async () => {
    const ctx = context();
    await ensureConsensus(ctx, 'r1', GBT19580_2012);
    expect(await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 62 })).toMatchObject({ ok: false, error: { code: 'mismatch', en: expect.stringMatching(/5/) as unknown } });
    expect(await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: 'nope', to: 60 })).toMatchObject({ ok: false, error: { en: expect.stringMatching(/not in criteria set/) as unknown } });
    expect(await ctx.db.consensusEdits.count()).toBe(0);
    expect((await ctx.db.consensusStates.get('r1'))?.record.items[0]?.percent).toBeNull();
  });

  it('does not record an edit that changes nothing', async () => {
    const ctx = context();
    await ensureConsensus(ctx, 'r1', GBT19580_2012);
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-overall', itemId: 'overall', to: '' });
    expect(await ctx.db.consensusEdits.count()).toBe(0);
  });

  it('detects a record changed behind the log, and a log entry rewritten', async () => {
    const ctx = context();
    await ensureConsensus(ctx, 'r1', GBT19580_2012);
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 60 });
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: second!.id, to: 40 });
    const state = (await ctx.db.consensusStates.get('r1'))!;
    state.record.items[0]!.percent = 80;
    await ctx.db.consensusStates.put(state);
    const quiet = await verifyConsensusTrail(ctx.db, 'r1', GBT19580_2012);
    expect(quiet.ok).toBe(false);
    const entry = (await ctx.db.consensusEdits.get(['r1', 1]))!;
    await ctx.db.consensusEdits.put({ ...entry, to: 80 });
    const rewritten = await verifyConsensusTrail(ctx.db, 'r1', GBT19580_2012);
    expect(rewritten.ok).toBe(false);
    if (!rewritten.ok) expect(rewritten.error).toContain('consensus edit 1 was changed');
  });

  it('a bulk settlement and its undo go through the Dexie ledger in one transaction each, and the trail verifies', async () => {
    const ctx = context();
    await ensureConsensus(ctx, 'r1', GBT19580_2012);
    const roster: PanelMember[] = ['m1', 'm2'].map((id, i) => ({ memberId: id, name: id, organisation: 'x', role: i === 0 ? 'leader' : 'expert', fingerprint: '1234' }));
    const sheets: MemberScores[] = roster.map((m, i) => ({ memberId: m.memberId, exclusions: [], items: Object.fromEntries(itemsOf(GBT19580_2012).map((item) => [item.id, { percent: 50 + 5 * i, strengths: [], ofis: [] }])) }));
    const matrix = consolidate({ criteriaSet: GBT19580_2012, roster, scoresheets: sheets, divergenceLimit: 20 });
    await applyLeaderEdit(ctx, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 80 });
    const bulk = await acceptLeaderCommonValues(ctx, 'r1', matrix);
    if (!bulk.ok) throw new Error(bulk.error.en);
    expect(bulk.value.itemIds).toHaveLength(itemsOf(GBT19580_2012).length - 1);
    expect(await ctx.db.consensusScoreHistory.count()).toBe(itemsOf(GBT19580_2012).length);
    expect(await verifyConsensusTrail(ctx.db, 'r1', GBT19580_2012)).toEqual({ ok: true, value: { edits: 2 } });
    const undone = await undoLeaderBulk(ctx, 'r1', bulk.value.bulkId);
    expect(undone.ok).toBe(true);
    const record = (await ctx.db.consensusStates.get('r1'))!.record;
    expect(record.items.filter((i) => i.percent !== null).map((i) => [i.itemId, i.percent])).toEqual([[first!.id, 80]]);
    expect(await verifyConsensusTrail(ctx.db, 'r1', GBT19580_2012)).toEqual({ ok: true, value: { edits: 3 } });
    expect((await clearLeaderExclusions(ctx, 'r1', sheets, [1, 2, 3, 4, 5, 6, 7])).ok).toBe(true);
    expect((await ctx.db.consensusStates.get('r1'))!.record.exclusions.every((e) => e.status === 'clear')).toBe(true);
  });
});
