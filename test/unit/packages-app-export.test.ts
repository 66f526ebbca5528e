import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../cli/lib/demo-participant.js';
import { verifyHistoryChain } from '../../shared/history/hash-chain.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { addAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { setSiteIssueStatus } from '../../renderer/src/workspaces/expert/store/check-writes.js';
import { recordDeclaration } from '../../renderer/src/workspaces/expert/store/declaration-writes.js';
import { addNote } from '../../renderer/src/workspaces/expert/store/note-writes.js';
import { setItemScore } from '../../renderer/src/workspaces/expert/store/score-writes.js';
import { exportScoresheet, type SaveInto } from '../../renderer/src/workspaces/expert/store/export-scoresheet.js';
import { importIncoming } from '../../renderer/src/packages/incoming.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import { MemorySink } from '../../shared/packages/stream/byte-io.js';
import { ok } from '../../shared/util/result.js';
import { freshDatabase } from './db-test-helpers.js';
import { assignmentPackage, makePanel, type Panel } from './packages-fixture.js';
import { packageBlob } from '../../renderer/src/packages/package-file.js';

const NOW = new Date('2026-06-03T08:00:00.000Z');
let panel: Panel;
let leader: Participant;
let expert: Participant;
let assignment: Uint8Array;
beforeAll(async () => {
  panel = await makePanel(5, 11);
  leader = panel.members[0]!;
  expert = panel.members[1]!;
  assignment = await assignmentPackage(panel, 1);
});

let expertDb: ZqaDatabase;
let leaderDb: ZqaDatabase;
beforeEach(async () => {
  expertDb = freshDatabase();
  leaderDb = freshDatabase();
  for (const [db, p] of [[expertDb, expert], [leaderDb, leader]] as const) {
    await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
    const r = await importIncoming({ db, keys: p.keys, keyId: p.card.keyId, now: () => NOW, fileName: '' }, packageBlob(assignment), ['assignment']);
    expect(r.ok).toBe(true);
  }
});
afterEach(() => {
  expertDb.close();
  leaderDb.close();
});

const reviewId = () => panel.assignment.panel.id;
/** A save dialog answered `answer`; the file streamed into memory, kept in `files` only when the writer succeeded (as the host commits). */
function saver(files: Uint8Array[], answer: 'save' | 'cancel' = 'save'): SaveInto {
  return async (name, write) => {
    if (answer === 'cancel') return ok(null);
    const sink = new MemorySink();
    const written = await write(sink);
    if (!written.ok) return written;
    files.push(sink.bytes());
    return ok({ savedAs: `/media/usb/${name}`, value: written.value });
  };
}
const exportAs = (db: ZqaDatabase, p: Participant, saveInto: SaveInto) => exportScoresheet(db, reviewId(), { keys: p.keys, deviceKeyId: p.card.keyId, saveInto, now: NOW });

describe('exporting the expert’s own scoresheet', () => {
  it('carries scores, notes, the photo, site checks and the history chain to the leader, who stores them', async () => {
    const ctx = { db: expertDb, actor: expert.card.keyId, now: () => NOW };
    await recordDeclaration(ctx, reviewId(), { conflict: false });
    await setItemScore(ctx, reviewId(), '4.1.2', 55);
    await setItemScore(ctx, reviewId(), '4.1.2', 65);
    await setItemScore(ctx, reviewId(), '4.2.2', 40);
    await addNote(ctx, reviewId(), '4.1.2', { kind: 'strength', text: '高层领导定期主持质量例会' });
    await addNote(ctx, reviewId(), '4.1.2', { kind: 'observation', text: '查阅例会纪要 12 份', evidence: { document: '例会纪要', intervieweeRole: '质量部长', place: '3 楼会议室' } });
    await addAttachment(ctx, reviewId(), '4.1.2', { name: '现场/照片.png', type: 'image/png', blob: new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])]) });
    const issueId = panel.assignment.siteIssues[0]!.id;
    await setSiteIssueStatus(ctx, reviewId(), issueId, 'partly', '仅一个车间落实');

    const files: Uint8Array[] = [];
    expect(await exportAs(expertDb, expert, saver(files))).toEqual({ ok: true, value: { kind: 'saved', revision: 1, savedAs: expect.stringContaining('第1版.zqa') as unknown } });
    expect(await expertDb.scoresheetExports.count()).toBe(1);

    const imported = await importIncoming({ db: leaderDb, keys: leader.keys, keyId: leader.card.keyId, now: () => NOW, fileName: '' }, packageBlob(files[0]!), ['scoresheet']);
    expect(imported).toMatchObject({ ok: true, value: { type: 'scoresheet', memberKeyId: expert.card.keyId, revision: 1 } });
    const sheet = (await leaderDb.memberScoresheets.get([reviewId(), expert.card.keyId]))!;
    const item = (id: string) => sheet.content.items.find((i) => i.itemId === id);
    expect(item('4.1.2')).toMatchObject({ percent: 65, strengths: [{ text: '高层领导定期主持质量例会' }], ofis: [] });
    expect(item('4.2.2')?.percent).toBe(40);
    expect(item('4.3.2')?.percent).toBeNull();
    expect(sheet.content.observations).toMatchObject([{ itemId: '4.1.2', text: '查阅例会纪要 12 份', evidence: '例会纪要；质量部长；3 楼会议室' }]);
    expect(sheet.content.attachments).toMatchObject([{ fileName: '现场_照片.png', mediaType: 'image/png', size: 7 }]);
    expect(new Uint8Array(await Object.values(sheet.attachments)[0]!.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71, 1, 2, 3]));
    expect(sheet.content.siteIssues.find((s) => s.issueId === issueId)).toEqual({ issueId, status: 'confirmed', note: '部分属实：仅一个车间落实' });
    expect(sheet.content.exclusions.every((e) => e.status === 'unchecked')).toBe(true);
    expect(sheet.content.history.map((h) => h.to)).toEqual([55, 65, 40]);
    expect((await verifyHistoryChain(sheet.content.history)).ok).toBe(true);
  });

  it('counts revisions up on every saved export; a cancelled dialog records nothing', async () => {
    await recordDeclaration({ db: expertDb, actor: expert.card.keyId, now: () => NOW }, reviewId(), { conflict: false });
    const files: Uint8Array[] = [];
    expect(await exportAs(expertDb, expert, saver(files, 'cancel'))).toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(await expertDb.scoresheetExports.count()).toBe(0);
    await exportAs(expertDb, expert, saver(files));
    await exportAs(expertDb, expert, saver(files));
    expect((await expertDb.scoresheetExports.toArray()).map((e) => e.revision)).toEqual([1, 2]);
    for (const f of files) expect((await importIncoming({ db: leaderDb, keys: leader.keys, keyId: leader.card.keyId, now: () => NOW, fileName: '' }, packageBlob(f), ['scoresheet'])).ok).toBe(true);
    expect((await leaderDb.memberScoresheets.get([reviewId(), expert.card.keyId]))?.revision).toBe(2);
    expect(await leaderDb.memberScoresheetHistory.count()).toBe(1);
  });

  it('stores the leader’s own export with the members’ sheets on the leader’s device', async () => {
    await recordDeclaration({ db: leaderDb, actor: leader.card.keyId, now: () => NOW }, reviewId(), { conflict: false });
    expect((await exportAs(leaderDb, leader, saver([]))).ok).toBe(true);
    expect((await leaderDb.memberScoresheets.get([reviewId(), leader.card.keyId]))?.revision).toBe(1);
  });

  it('refuses the demo review (no leader or secretariat keys) and a review without a declaration', async () => {
    await seedDemoIfEmpty(expertDb);
    expect(await exportScoresheet(expertDb, DEMO_REVIEW_ID, { keys: expert.keys, deviceKeyId: expert.card.keyId, saveInto: saver([]) })).toEqual({ ok: false, error: { kind: 'no-assignment' } });
    expect(await exportAs(expertDb, expert, saver([]))).toMatchObject({ ok: false, error: { kind: 'failed', error: { code: 'not-ready', en: expect.stringMatching(/declaration/) as unknown } } });
    expect(await expertDb.scoresheetExports.count()).toBe(0);
  });

  it('refuses a photo that changed since its SHA-256 was stored, saves nothing and records nothing', async () => {
    const ctx = { db: expertDb, actor: expert.card.keyId, now: () => NOW };
    await recordDeclaration(ctx, reviewId(), { conflict: false });
    const id = await addAttachment(ctx, reviewId(), '4.1.2', { name: '照片.png', type: 'image/png', blob: new Blob([new Uint8Array([1, 2, 3, 4])]) });
    // Same size, other bytes: the content would list a hash the file no longer has.
    await expertDb.attachments.update(id, { blob: new Blob([new Uint8Array([1, 2, 3, 5])], { type: 'image/png' }) });
    const files: Uint8Array[] = [];
    expect(await exportAs(expertDb, expert, saver(files))).toMatchObject({ ok: false, error: { kind: 'failed', error: { code: 'package', package: { code: 'content-invalid' } } } });
    expect(files).toEqual([]);
    expect(await expertDb.scoresheetExports.count()).toBe(0);
  });
});
