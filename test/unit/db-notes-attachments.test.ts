import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { addAttachment, deleteAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { setExclusionCheck, setSiteIssueStatus } from '../../renderer/src/workspaces/expert/store/check-writes.js';
import { addNote, deleteNote, updateNote } from '../../renderer/src/workspaces/expert/store/note-writes.js';
import { freshDatabase, testContext } from './db-test-helpers.js';

let db: ZqaDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await seedDemoIfEmpty(db);
});
afterEach(() => db.close());

describe('notes', () => {
  it('adds, edits and deletes notes of each kind, stamped with who and when', async () => {
    const ctx = testContext(db);
    const s = await addNote(ctx, DEMO_REVIEW_ID, '4.1.2', { kind: 'strength', text: '  高层领导定期主持质量例会  ' });
    const o = await addNote(ctx, DEMO_REVIEW_ID, '4.1.2', { kind: 'ofi', text: '战略目标未分解到班组', evidence: { document: 'x', intervieweeRole: 'y', place: 'z' } });
    const v = await addNote(ctx, DEMO_REVIEW_ID, '4.1.2', {
      kind: 'observation', text: '质量例会纪要齐全', evidence: { document: '2026 年质量例会纪要', intervieweeRole: '质量部部长', place: '行政楼 3 楼会议室' },
    });
    const notes = await db.notes.where('[reviewId+itemId]').equals([DEMO_REVIEW_ID, '4.1.2']).sortBy('createdAt');
    expect(notes.map((n) => [n.kind, n.text, n.evidence])).toEqual([
      ['strength', '高层领导定期主持质量例会', null],
      ['ofi', '战略目标未分解到班组', null],
      ['observation', '质量例会纪要齐全', { document: '2026 年质量例会纪要', intervieweeRole: '质量部部长', place: '行政楼 3 楼会议室' }],
    ]);
    expect(notes[0]).toMatchObject({ createdBy: 'expert-li-ming', updatedBy: 'expert-li-ming', createdAt: '2026-11-30T08:00:01.000Z' });
    await updateNote(ctx, s, { text: '高层领导每月主持质量例会' });
    expect(await db.notes.get(s)).toMatchObject({ text: '高层领导每月主持质量例会', createdAt: '2026-11-30T08:00:01.000Z', updatedAt: '2026-11-30T08:00:04.000Z' });
    await deleteNote(ctx, o);
    expect(await db.notes.get(o)).toBeUndefined();
    expect(await db.notes.get(v)).toBeDefined();
  });

  it('refuses empty notes and unknown reviews', async () => {
    const ctx = testContext(db);
    await expect(addNote(ctx, DEMO_REVIEW_ID, '4.1.2', { kind: 'strength', text: '   ' })).rejects.toThrow(/empty/);
    await expect(addNote(ctx, 'nope', '4.1.2', { kind: 'strength', text: 'x' })).rejects.toThrow(/does not exist/);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('attachments', () => {
  it('keeps the bytes as a Blob with name, type, size and SHA-256', async () => {
    const ctx = testContext(db);
    const bytes = new TextEncoder().encode('fake photo bytes');
    const id = await addAttachment(ctx, DEMO_REVIEW_ID, '4.5.3', { name: '焊接工位.jpg', type: 'image/jpeg', blob: new Blob([bytes]) });
    const stored = await db.attachments.get(id);
    expect(stored).toMatchObject({ name: '焊接工位.jpg', type: 'image/jpeg', size: bytes.length, sha256: await sha256Hex(bytes), createdBy: 'expert-li-ming' });
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes);
    await deleteAttachment(ctx, id);
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses an empty file', async () => {
    await expect(addAttachment(testContext(db), DEMO_REVIEW_ID, '4.5.3', { name: 'a.png', type: 'image/png', blob: new Blob([]) })).rejects.toThrow(/empty/);
  });
});

describe('site issues and exclusion checks', () => {
  it('records site-issue findings and refuses unknown issues', async () => {
    const ctx = testContext(db);
    await setSiteIssueStatus(ctx, DEMO_REVIEW_ID, 'si-2', 'confirmed', '5 起投诉均闭环');
    expect(await db.siteIssueStatus.get([DEMO_REVIEW_ID, 'si-2'])).toMatchObject({ status: 'confirmed', note: '5 起投诉均闭环', updatedBy: 'expert-li-ming' });
    await expect(setSiteIssueStatus(ctx, DEMO_REVIEW_ID, 'si-99', 'confirmed', '')).rejects.toThrow(/not in this review/);
  });

  it('needs a note to flag an exclusion and refuses numbers outside Art. 14', async () => {
    const ctx = testContext(db);
    await setExclusionCheck(ctx, DEMO_REVIEW_ID, 5, 'clear', '');
    await expect(setExclusionCheck(ctx, DEMO_REVIEW_ID, 6, 'flagged', ' ')).rejects.toThrow(/needs a note/);
    await expect(setExclusionCheck(ctx, DEMO_REVIEW_ID, 8, 'clear', '')).rejects.toThrow(/no exclusion 8/);
    await setExclusionCheck(ctx, DEMO_REVIEW_ID, 6, 'flagged', '2025 年发生一起重伤事故');
    const checks = await db.exclusionChecks.where('reviewId').equals(DEMO_REVIEW_ID).toArray();
    expect(checks.map((c) => [c.number, c.status])).toEqual([[5, 'clear'], [6, 'flagged']]);
  });
});
