import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/src/i18n/i18n.js';
import type { JournalBridge } from '../../shared/bridge/contract.js';
import { parseJournalRecord } from '../../shared/journal/journal-record.js';
import { JournalState, parseCheckpointBody } from '../../shared/journal/journal-state.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { addAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { addNote, deleteNote, updateNote } from '../../renderer/src/workspaces/expert/store/note-writes.js';
import { setItemScore } from '../../renderer/src/workspaces/expert/store/score-writes.js';
import { recordDeclaration } from '../../renderer/src/workspaces/expert/store/declaration-writes.js';
import { attachJournal } from '../../renderer/src/journal/attach-journal.js';
import { createJournalLink, type JournalLink } from '../../renderer/src/journal/journal-link.js';
import { DEMO_REVIEW } from '../../shared/demo/demo-review.js';
import { freshDatabase, testContext } from './db-test-helpers.js';
import { memoryJournal } from '../support/memory-journal.js';
import { dumpPortable } from '../support/dump-portable.js';

async function journaled(bridge?: (real: JournalBridge) => JournalBridge) {
  const journal = await memoryJournal();
  const db = freshDatabase();
  const link = createJournalLink(bridge ? bridge(journal.bridge) : journal.bridge, () => db.verno, () => new Date('2026-11-30T09:00:00.000Z'));
  attachJournal(db, link);
  await seedDemoIfEmpty(db);
  return { db, link, ...journal };
}

/** The journal folded from its start: what a rebuild would put back. */
async function fold(store: Awaited<ReturnType<typeof memoryJournal>>['store']): Promise<JournalState> {
  const read = await store.read(0, 1 << 30);
  const state = read.checkpoint ? JournalState.fromBody(parseCheckpointBody(read.checkpoint.body)) : new JournalState();
  for (const r of read.records) state.apply(parseJournalRecord(r.record), r.seq, r.hash);
  return state;
}

async function expectJournalEqualsDatabase(db: ZqaDatabase, store: Awaited<ReturnType<typeof memoryJournal>>['store'], link: JournalLink) {
  const state = await fold(store);
  expect(await dumpPortable(db)).toEqual(state.toBody().tables);
  expect(await db.table('journalMeta').get('position')).toEqual({ id: 'position', seq: store.head().seq, hash: store.head().hash });
  expect(link.blocked).toBeNull();
}

beforeAll(() => initI18n('zh-CN'));

const REVIEW = DEMO_REVIEW.id;
const ITEM = '4.1.2';

describe('every committed transaction goes through the journal first', () => {
  it('journals each kind of edit as one record, and the journal folds to exactly the database', async () => {
    const { db, store, link } = await journaled();
    expect(store.head().seq).toBe(1); // the demo review
    const ctx = testContext(db);
    await recordDeclaration(ctx, REVIEW, { conflict: false });
    await setItemScore(ctx, REVIEW, ITEM, 55);
    await setItemScore(ctx, REVIEW, ITEM, 60);
    const noteId = await addNote(ctx, REVIEW, ITEM, { kind: 'ofi', text: '改进机会：战略分解未到班组' });
    await updateNote(ctx, noteId, { text: '改进机会：战略分解未覆盖班组' });
    await addNote(ctx, REVIEW, ITEM, { kind: 'observation', text: '现场观察', evidence: { document: '质量例会纪要', intervieweeRole: '车间主任', place: '总装车间' } });
    const photo = new Uint8Array(3000).map((_, i) => i % 256);
    await addAttachment(ctx, REVIEW, ITEM, { name: '现场照片.jpg', type: 'image/jpeg', blob: new Blob([photo], { type: 'image/jpeg' }) });
    await deleteNote(ctx, noteId);
    // A write outside any transaction (Dexie ends it with commit()).
    await db.siteIssueStatus.put({ reviewId: REVIEW, issueId: 'x', status: 'open', note: '', updatedAt: 'now', updatedBy: 'me' });
    expect(store.head().seq).toBe(10);
    await expectJournalEqualsDatabase(db, store, link);
    const state = (await fold(store)).toBody();
    expect(state.tables['history']).toHaveLength(2);
    const blob = await store.blob((state.tables['attachments']![0]![1] as { blob: { sha256: string } }).blob.sha256);
    expect(new Uint8Array(blob instanceof Uint8Array ? blob : await blob.arrayBuffer())).toEqual(photo);
  });

  it('journals nothing for a transaction that aborts or changes nothing', async () => {
    const { db, store } = await journaled();
    const ctx = testContext(db);
    await setItemScore(ctx, REVIEW, ITEM, 55);
    const seq = store.head().seq;
    await expect(setItemScore(ctx, REVIEW, ITEM, 7)).rejects.toThrow(/steps of 5/);
    await expect(setItemScore(ctx, REVIEW, 'no-such-item', 50)).rejects.toThrow(/not in criteria set/);
    expect(await setItemScore(ctx, REVIEW, ITEM, 55)).toBe(false);
    await expect(db.transaction('rw', db.notes, async () => {
      await db.notes.put({ id: 'n', reviewId: REVIEW, itemId: ITEM, kind: 'ofi', text: 'x', evidence: null, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' });
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(store.head().seq).toBe(seq);
    expect(await db.notes.get('n')).toBeUndefined();
  });

  it('keeps nothing of a write the journal refused, and says why', async () => {
    let refuse = false;
    const { db, store, link } = await journaled((real) => ({
      ...real,
      append: (args) => (refuse ? Promise.resolve({ ok: false, error: { code: 'disk-full', message: '磁盘空间不足' } }) : real.append(args)),
    }));
    const ctx = testContext(db);
    await setItemScore(ctx, REVIEW, ITEM, 55);
    refuse = true;
    await expect(setItemScore(ctx, REVIEW, ITEM, 60)).rejects.toThrow(/磁盘空间不足/);
    await expect(addNote(ctx, REVIEW, ITEM, { kind: 'strength', text: '优势' })).rejects.toThrow(/磁盘空间不足/);
    expect((await db.itemScores.get([REVIEW, ITEM]))?.percent).toBe(55);
    expect(await db.notes.count()).toBe(0);
    expect(await db.history.count()).toBe(1);
    refuse = false;
    await setItemScore(ctx, REVIEW, ITEM, 60);
    await expectJournalEqualsDatabase(db, store, link);
  });

  it('refuses every write once the journal moved on without this database, until a reload repairs it', async () => {
    const { db, store, link } = await journaled();
    const ctx = testContext(db);
    // Another writer appended behind this database's back.
    const h = store.head();
    await store.append({ expectedSeq: h.seq, expectedHash: h.hash, record: new TextEncoder().encode(JSON.stringify({ v: 1, schema: 5, at: '', reset: false, ops: [] })), blobs: [] });
    await expect(setItemScore(ctx, REVIEW, ITEM, 60)).rejects.toThrow(/重新加载|reload/);
    expect(link.blocked).not.toBeNull();
    await expect(addNote(ctx, REVIEW, ITEM, { kind: 'strength', text: '优势' })).rejects.toThrow(/重新加载|reload/);
    expect(await db.itemScores.count()).toBe(0);
  });
});
