import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { applyConsensusEdit, replayConsensus, type ConsensusEdit, type ConsensusHistoryFields } from '../../shared/consensus/consensus-edits.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import type { MemberScores } from '../../shared/consensus/member-scores.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { scoreHistoryChanges } from '../../shared/consensus/consensus-history.js';
import { nextHistoryEntry, verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { checkProvenance, chooseNote, mergeNotes, writeNote } from '../../shared/consensus/panel-notes.js';

const sheets: MemberScores[] = [
  { memberId: 'm1', exclusions: [], items: { '4.1.2': { percent: 55, strengths: [{ id: 's1', text: '高层领导亲自推动卓越绩效模式导入' }], ofis: [] } } },
  { memberId: 'm2', exclusions: [], items: { '4.1.2': { percent: 80, strengths: [{ id: 's7', text: '领导层定期开展质量例会' }], ofis: [] } } },
];

function run(start: ConsensusRecord, edits: ConsensusEdit[]): { record: ConsensusRecord; entries: ConsensusHistoryFields[] } {
  let record = start;
  const entries: ConsensusHistoryFields[] = [];
  for (const edit of edits) {
    const r = applyConsensusEdit(record, edit);
    if (!r.ok) throw new Error(r.error);
    record = r.value.record;
    entries.push(r.value.entry);
  }
  return { record, entries };
}

describe('consensus history and provenance', () => {
  const start = newConsensusRecord(GBT19580_2012);
  const edits: ConsensusEdit[] = [
    { kind: 'consensus-percent', itemId: '4.1.2', to: 60 },
    { kind: 'consensus-percent', itemId: '4.1.2', to: 65 },
    { kind: 'consensus-rationale', itemId: '4.1.2', to: '经讨论，领导作用已系统展开，取65%' },
    {
      kind: 'consensus-strengths',
      itemId: '4.1.2',
      to: [chooseNote('p1', 'm1', sheets[0]!.items['4.1.2']!.strengths[0]!), mergeNotes('p2', [{ memberId: 'm1', noteId: 's1' }, { memberId: 'm2', noteId: 's7' }], '领导层推动并定期评审质量')],
    },
    { kind: 'consensus-key-ofis', itemId: 'overall', to: ['加强对标'] },
  ];

  it('replays the history back to the same record', () => {
    const { record, entries } = run(start, edits);
    expect(entries[1]!.from).toBe(60);
    const replayed = replayConsensus(start, entries);
    expect(replayed).toEqual({ ok: true, value: record });
  });

  it('detects a history whose "from" was rewritten', () => {
    const { entries } = run(start, edits);
    const forged = entries.map((e, i) => (i === 1 ? { ...e, from: 55 } : e));
    const replayed = replayConsensus(start, forged);
    expect(replayed.ok).toBe(false);
    expect(!replayed.ok && replayed.error).toMatch(/entry 2 .*consensus-percent on 4\.1\.2/);
  });

  it('checks that every panel note cites a real member note', () => {
    const good = [chooseNote('p1', 'm1', { id: 's1', text: 'x' }), writeNote('p3', '专家组补充')];
    expect(checkProvenance('4.1.2', 'strengths', good, sheets).ok).toBe(true);
    const wrongNote = checkProvenance('4.1.2', 'strengths', [chooseNote('p1', 'm2', { id: 's1', text: 'x' })], sheets);
    expect(!wrongNote.ok && wrongNote.error).toMatch(/m2's note s1/);
    const wrongKind = checkProvenance('4.1.2', 'ofis', good, sheets);
    expect(wrongKind.ok).toBe(false);
    expect(checkProvenance('4.1.2', 'strengths', [chooseNote('p1', 'm9', { id: 's1', text: 'x' })], sheets).ok).toBe(false);
  });
});

describe('consensus percentages in the score history chain', () => {
  it('chains percentage edits as kind "consensus" and leaves text edits to the edit log', async () => {
    const start = newConsensusRecord(GBT19580_2012);
    const a = applyConsensusEdit(start, { kind: 'consensus-percent', itemId: '4.1.2', to: 60 });
    if (!a.ok) throw new Error(a.error);
    const b = applyConsensusEdit(a.value.record, { kind: 'consensus-percent', itemId: '4.1.2', to: 65 });
    if (!b.ok) throw new Error(b.error);
    const first = await nextHistoryEntry(undefined, scoreHistoryChanges(a.value.entry, '2026-11-27T07:00:00Z', 'leader-key')[0]!);
    const second = await nextHistoryEntry(first, scoreHistoryChanges(b.value.entry, '2026-11-27T07:05:00Z', 'leader-key')[0]!);
    expect(second).toMatchObject({ seq: 2, kind: 'consensus', itemId: '4.1.2', from: 60, to: 65, prevHash: first.hash });
    expect((await verifyHistoryChain([first, second])).ok).toBe(true);
    const text = applyConsensusEdit(start, { kind: 'consensus-rationale', itemId: '4.1.2', to: '理由' });
    expect(text.ok && scoreHistoryChanges(text.value.entry, 'x', 'y')).toEqual([]);
  });
});
