import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { memoryConsensusLedger } from '../../shared/workflow/memory/consensus-ledger.js';
import { steppingClock } from '../../shared/workflow/ports/clock.js';
import { settleConsensus, startConsensus, verifyConsensusTrail } from '../../shared/workflow/settle-consensus.js';

const [first] = itemsOf(GBT19580_2012);
const ports = () => ({ clock: steppingClock(new Date('2026-11-27T08:00:00.000Z')), actor: 'a'.repeat(32) });

describe('settle the consensus (shared/workflow/settle-consensus.ts) over an in-memory ledger', () => {
  it('starts once, records each change in both chains, and replays to the record', async () => {
    const ledger = memoryConsensusLedger();
    const p = ports();
    expect(await settleConsensus(ledger, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 60 }, p)).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    const started = await startConsensus(ledger, 'r1', GBT19580_2012, p);
    expect(await startConsensus(ledger, 'r1', GBT19580_2012, p)).toEqual(started);
    await settleConsensus(ledger, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 60 }, p);
    const r = await settleConsensus(ledger, 'r1', { kind: 'consensus-rationale', itemId: first!.id, to: '经讨论取 60%' }, p);
    expect(r.ok && r.value.items[0]).toMatchObject({ percent: 60, rationale: '经讨论取 60%' });
    const trail = (await ledger.trail('r1'))!;
    expect(trail.edits.map((e) => [e.seq, e.kind, e.to])).toEqual([[1, 'consensus-percent', 60], [2, 'consensus-rationale', '经讨论取 60%']]);
    expect(trail.scores.map((s) => [s.kind, s.from, s.to])).toEqual([['consensus', null, 60]]);
    expect(await verifyConsensusTrail(trail, GBT19580_2012)).toEqual({ ok: true, value: { edits: 2 } });
  });

  it('refuses an edit off the grid and records nothing for an edit that changes nothing', async () => {
    const ledger = memoryConsensusLedger();
    const p = ports();
    await startConsensus(ledger, 'r1', GBT19580_2012, p);
    expect(await settleConsensus(ledger, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 62 }, p)).toMatchObject({ ok: false, error: { code: 'mismatch' } });
    expect(await settleConsensus(ledger, 'r1', { kind: 'consensus-overall', itemId: 'overall', to: '' }, p)).toMatchObject({ ok: true });
    expect((await ledger.trail('r1'))!.edits).toEqual([]);
  });

  it('finds a record changed behind its log, and a log entry rewritten', async () => {
    const ledger = memoryConsensusLedger();
    const p = ports();
    await startConsensus(ledger, 'r1', GBT19580_2012, p);
    await settleConsensus(ledger, 'r1', { kind: 'consensus-percent', itemId: first!.id, to: 60 }, p);
    const trail = (await ledger.trail('r1'))!;
    const changed = structuredClone(trail);
    changed.record.items[0]!.percent = 80;
    expect(await verifyConsensusTrail(changed, GBT19580_2012)).toMatchObject({ ok: false, error: expect.stringMatching(/not what its edit history says/) as unknown });
    const rewritten = structuredClone(trail);
    rewritten.edits[0]!.to = 80;
    expect(await verifyConsensusTrail(rewritten, GBT19580_2012)).toMatchObject({ ok: false, error: expect.stringMatching(/consensus edit 1 was changed/) as unknown });
    expect(await verifyConsensusTrail(null, GBT19580_2012)).toMatchObject({ ok: false });
  });
});
