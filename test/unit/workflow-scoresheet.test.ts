import { beforeAll, describe, expect, it } from 'vitest';
import { nextHistoryEntry } from '../../shared/history/hash-chain.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { buildScoresheet, CONFLICT_STATEMENT, type ExpertWork } from '../../shared/workflow/build-scoresheet.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { receivePackage } from '../../shared/workflow/received.js';
import { receiveScoresheet } from '../../shared/workflow/receive-scoresheet.js';
import { makePanel, panelHeld, type Panel } from './packages-fixture.js';
import { memorySource } from '../../shared/packages/stream/byte-io.js';
import { checkOnlyStore } from '../../node/file-stream.js';

const AT = new Date('2026-06-02T03:00:00.000Z');
let panel: Panel;
beforeAll(async () => {
  panel = await makePanel(5, 17);
});

async function work(overrides: Partial<ExpertWork> = {}): Promise<ExpertWork> {
  const expert = panel.members[1]!.card.keyId;
  const entry = await nextHistoryEntry(undefined, { at: AT.toISOString(), actor: expert, kind: 'score', itemId: '4.1.2', from: null, to: 55 });
  const [first, second] = panel.assignment.siteIssues;
  return {
    declaration: { conflict: false, signedAt: AT.toISOString() },
    scores: [{ itemId: '4.1.2', percent: 55 }],
    notes: [
      { id: 'n1', itemId: '4.1.2', kind: 'strength', text: '高层领导定期主持质量例会', evidence: null, createdAt: AT.toISOString() },
      { id: 'n2', itemId: '4.1.2', kind: 'observation', text: '查阅例会纪要', evidence: { document: '例会纪要', intervieweeRole: '', place: '3 楼会议室' }, createdAt: AT.toISOString(), attachmentIds: ['a1'] },
    ],
    attachments: [{ id: 'a1', name: '现场/照片\u202E.png', type: 'IMAGE/PNG; q=1', bytes: new Uint8Array([1, 2, 3]) }, { id: 'a2', name: '', type: 'not a type', bytes: new Uint8Array([4]) }],
    siteIssues: [{ issueId: first!.id, status: 'partly', note: '仅一个车间' }, { issueId: second!.id, status: 'not-confirmed', note: '' }],
    exclusions: [{ number: 5, status: 'flagged', note: '上年亏损' }],
    history: [entry],
    ...overrides,
  };
}

describe('build a scoresheet (shared/workflow/build-scoresheet.ts)', () => {
  it('carries every score, note, file, site finding and exclusion in the package’s shape', async () => {
    const built = await buildScoresheet(await work(), panel.assignment, panel.members[1]!.card.keyId, AT);
    if (!built.ok) throw new Error(built.error.en);
    const c = built.value.content;
    expect(c.items).toHaveLength(23);
    expect(c.items.find((i) => i.itemId === '4.1.2')).toEqual({ itemId: '4.1.2', percent: 55, strengths: [{ id: 'n1', text: '高层领导定期主持质量例会' }], ofis: [] });
    expect(c.items.find((i) => i.itemId === '4.2.2')?.percent).toBeNull();
    // The evidence travels as written and in its parts (document, interviewee's role, place) for the report.
    expect(c.observations).toEqual([
      { id: 'n2', itemId: '4.1.2', at: AT.toISOString(), text: '查阅例会纪要', evidence: '例会纪要；3 楼会议室', evidenceRef: { document: '例会纪要', intervieweeRole: '', place: '3 楼会议室' }, attachmentIds: ['a1'] },
    ]);
    expect(c.attachments.map((a) => [a.id, a.fileName, a.mediaType, a.size])).toEqual([['a1', '现场_照片_.png', 'image/png', 3], ['a2', 'attachment', 'application/octet-stream', 1]]);
    expect(c.siteIssues.slice(0, 2)).toEqual([{ issueId: panel.assignment.siteIssues[0]!.id, status: 'confirmed', note: '部分属实：仅一个车间' }, { issueId: panel.assignment.siteIssues[1]!.id, status: 'not-confirmed', note: '' }]);
    expect(c.siteIssues.slice(2).every((s) => s.status === 'pending')).toBe(true);
    expect(c.exclusions.map((e) => e.status)).toEqual(['unchecked', 'unchecked', 'unchecked', 'unchecked', 'flagged', 'unchecked', 'unchecked']);
    expect(await Promise.all(built.value.files.map(async (f) => [f.entry, await f.source.read(0, f.source.size)]))).toEqual([['blobs/0001', new Uint8Array([1, 2, 3])], ['blobs/0002', new Uint8Array([4])]]);
  });

  it('states a declared conflict, and refuses a review whose declaration is not signed', async () => {
    const conflict = await buildScoresheet(await work({ declaration: { conflict: true, conflictKind: 'former-employer', detail: '2024 年离职', signedAt: AT.toISOString() } }), panel.assignment, panel.members[1]!.card.keyId, AT);
    expect(conflict.ok && conflict.value.content.declaration).toEqual({ noConflict: false, statement: CONFLICT_STATEMENT, conflicts: 'former-employer: 2024 年离职', declaredAt: AT.toISOString() });
    expect(await buildScoresheet(await work({ declaration: null }), panel.assignment, panel.members[1]!.card.keyId, AT)).toMatchObject({ ok: false, error: { code: 'not-ready' } });
  });
});

describe('export and receive a scoresheet (export-scoresheet.ts, receive-scoresheet.ts)', () => {
  it('goes to the leader, the secretariat and the sender, and the leader’s step takes it in', async () => {
    const [leader, expert] = [panel.members[0]!, panel.members[1]!];
    const exported = await exportScoresheetBytes({ work: await work(), assignment: panel.assignment, previous: null }, { keys: expert.keys, clock: { now: () => AT }, myKeyId: expert.card.keyId });
    if (!exported.ok) throw new Error(exported.error.en);
    expect(exported.value.fileName).toBe(`评分表-${panel.assignment.applicant.name}-${expert.facts.name}-第1版.zqa`);
    expect(exported.value.written.manifest.recipients.map((r) => r.keyId).sort()).toEqual([leader.card.keyId, panel.secretariat.card.keyId, expert.card.keyId].sort());
    const held = () => Promise.resolve({ reviewId: 'r1', content: panel.assignment });
    const kept = checkOnlyStore;
    const ports = { trust: panel.memberTrust, history: NO_HISTORY, held: panelHeld(panel), assignmentFor: held };
    const taken = await receiveScoresheet(memorySource(exported.value.written.bytes), { ...ports, keys: leader.keys, myKeyId: leader.card.keyId }, kept);
    expect(taken.ok && [taken.value.reviewId, taken.value.member.keyId]).toEqual(['r1', expert.card.keyId]);
    expect(taken.ok && taken.value.received.content).toEqual(exported.value.content);
    // Another member cannot open it, and a member's device does not take scoresheets in.
    expect(await receiveScoresheet(memorySource(exported.value.written.bytes), { ...ports, keys: panel.members[2]!.keys, myKeyId: panel.members[2]!.card.keyId }, kept)).toMatchObject({ ok: false, error: { code: 'not-a-recipient' } });
    expect(await receiveScoresheet(memorySource(exported.value.written.bytes), { ...ports, keys: expert.keys, myKeyId: expert.card.keyId }, kept)).toMatchObject({ ok: false, error: { code: 'wrong-type' } });
    expect((await receivePackage(exported.value.written.bytes, 'scoresheet', { keys: panel.secretariat.keys, trust: panel.memberTrust, history: NO_HISTORY, held: panelHeld(panel) })).ok).toBe(true);

    const next = await exportScoresheetBytes({ work: await work(), assignment: panel.assignment, previous: { packageId: exported.value.written.manifest.packageId, revision: 1 } }, { keys: expert.keys, clock: { now: () => AT }, myKeyId: expert.card.keyId });
    expect(next.ok && [next.value.revision, next.value.written.manifest.supersedes]).toEqual([2, exported.value.written.manifest.packageId]);
  });

  it('is refused for someone not on the roster', async () => {
    const s = panel.secretariat;
    expect(await exportScoresheetBytes({ work: await work(), assignment: panel.assignment, previous: null }, { keys: s.keys, clock: { now: () => AT }, myKeyId: s.card.keyId })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
