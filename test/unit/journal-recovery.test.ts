import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JournalBridge } from '../../shared/bridge/contract.js';
import { DEMO_REVIEW } from '../../shared/demo/demo-review.js';
import { JournalStore } from '../../shared/journal/journal-store.js';
import { verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { addAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { addNote } from '../../renderer/src/workspaces/expert/store/note-writes.js';
import { setItemScore } from '../../renderer/src/workspaces/expert/store/score-writes.js';
import { initI18n } from '../../renderer/src/i18n/i18n.js';
import { attachJournal } from '../../renderer/src/journal/attach-journal.js';
import { recoverIndex } from '../../renderer/src/journal/index-recovery.js';
import { createJournalLink } from '../../renderer/src/journal/journal-link.js';
import { bridgeOverStore, memoryJournalFiles } from '../support/memory-journal.js';
import { dumpPortable } from '../support/dump-portable.js';
import { testContext } from './db-test-helpers.js';

beforeAll(() => initI18n('zh-CN'));

const REVIEW = DEMO_REVIEW.id;

/** One device: a fake IndexedDB that outlives connections, and a journal on memory files. */
async function device(files = memoryJournalFiles()) {
  const idb = new IDBFactory();
  const store = await JournalStore.open(files);
  const bridge = bridgeOverStore(store);
  const open = () => new ZqaDatabase('zqa', { indexedDB: idb, IDBKeyRange });
  const remove = () => new Dexie('zqa', { indexedDB: idb, IDBKeyRange }).delete();
  const app = (journal: JournalBridge = bridge) => {
    const db = open();
    attachJournal(db, createJournalLink(journal, () => db.verno));
    return db;
  };
  return { idb, files, store, bridge, open, remove, app };
}

async function edit(db: ZqaDatabase, n: number) {
  const ctx = testContext(db);
  await seedDemoIfEmpty(db);
  for (let i = 0; i < n; i++) {
    await setItemScore(ctx, REVIEW, '4.1.2', 5 * (i % 20));
    await addNote(ctx, REVIEW, '4.2.2', { kind: 'strength', text: `优势 ${i}` });
  }
  await addAttachment(ctx, REVIEW, '4.2.2', { name: '照片.jpg', type: 'image/jpeg', blob: new Blob([new Uint8Array(2048).fill(n)], { type: 'image/jpeg' }) });
}

async function expectLevel(d: Awaited<ReturnType<typeof device>>, expected: Awaited<ReturnType<typeof dumpPortable>>) {
  const db = d.open();
  expect(await dumpPortable(db)).toEqual(expected);
  expect(await db.table('journalMeta').get('position')).toMatchObject({ seq: d.store.head().seq, hash: d.store.head().hash });
  const history = await db.table('history').toArray();
  expect((await verifyHistoryChain(history.map(({ reviewId: _r, ...e }: Record<string, unknown>) => e as never))).ok).toBe(true);
  // Edits go on from there, on the same chain.
  const again = d.app();
  await setItemScore(testContext(again), REVIEW, '4.3.3', 40);
  again.close();
  db.close();
}

describe('the index is put level with the journal at start, without a click', () => {
  it('rebuilds a database Chromium emptied, Blobs byte for byte, and says from how many records', async () => {
    const d = await device();
    const db = d.app();
    await edit(db, 5);
    const before = await dumpPortable(db);
    db.close();
    await d.remove();
    const outcome = await recoverIndex(d.bridge, d.open, d.remove);
    expect(outcome).toMatchObject({ kind: 'rebuilt', reason: 'empty', records: d.store.head().seq });
    await expectLevel(d, before);
    const photo = (await d.open().table('attachments').toArray())[0] as { blob: Blob };
    expect(new Uint8Array(await photo.blob.arrayBuffer())).toEqual(new Uint8Array(2048).fill(5));
  });

  it('rebuilds from a checkpoint and the records after it', async () => {
    const d = await device();
    const db = d.app();
    await edit(db, 3);
    await d.store.compact();
    await setItemScore(testContext(db), REVIEW, '4.1.2', 95);
    const before = await dumpPortable(db);
    db.close();
    await d.remove();
    expect(await recoverIndex(d.bridge, d.open, d.remove)).toMatchObject({ kind: 'rebuilt', records: 1 });
    await expectLevel(d, before);
  });

  it('replays what a crash left in the journal only (flushed, then killed before the commit)', async () => {
    const d = await device();
    let crash = false;
    const crashing: JournalBridge = {
      ...d.bridge,
      append: async (args) => {
        const answer = await d.bridge.append(args);
        // The journal has it on disk; the page dies before IndexedDB commits.
        if (crash) return { ok: false, error: { code: 'internal', message: 'killed' } };
        return answer;
      },
    };
    const db = d.app(crashing);
    await edit(db, 2);
    crash = true;
    await expect(setItemScore(testContext(db), REVIEW, '4.1.2', 85)).rejects.toThrow(/killed/);
    expect((await db.itemScores.get([REVIEW, '4.1.2']))?.percent).not.toBe(85);
    db.close();
    expect(await recoverIndex(d.bridge, d.open, d.remove)).toMatchObject({ kind: 'caught-up', records: 1 });
    const after = d.open();
    expect(((await after.table('itemScores').get([REVIEW, '4.1.2'])) as { percent: number }).percent).toBe(85);
    await expectLevel(d, await dumpPortable(after));
  });

  it('starts the journal from a database that held data before there was one', async () => {
    const d = await device();
    const plain = d.open();
    await edit(plain, 3);
    const before = await dumpPortable(plain);
    plain.close();
    expect(await recoverIndex(d.bridge, d.open, d.remove)).toMatchObject({ kind: 'seeded' });
    await expectLevel(d, before);
    // And that journal alone gives the database back.
    await d.remove();
    expect(await recoverIndex(d.bridge, d.open, d.remove)).toMatchObject({ kind: 'rebuilt' });
  });

  it('goes on from the database when the journal lost records it holds (appends, never overwrites)', async () => {
    const files = memoryJournalFiles();
    const d = await device(files);
    const db = d.app();
    await edit(db, 2);
    const early = new Map([...files.files].map(([k, v]) => [k, v.slice()]));
    await edit(db, 2);
    const before = await dumpPortable(db);
    db.close();
    // The journal as it was two edits ago (its later records gone).
    files.files.clear();
    for (const [k, v] of early) files.files.set(k, v);
    const shorter = await JournalStore.open(files);
    const seqBefore = shorter.head().seq;
    const outcome = await recoverIndex(bridgeOverStore(shorter), d.open, d.remove);
    expect(outcome).toMatchObject({ kind: 'reseeded' });
    expect(shorter.head().seq).toBe(seqBefore + 1);
    expect(await dumpPortable(d.open())).toEqual(before);
  });

  it('rebuilds a database that is not on the journal’s chain, and one Chromium cannot open', async () => {
    const d = await device();
    const db = d.app();
    await edit(db, 2);
    const before = await dumpPortable(db);
    await db.table('journalMeta').put({ id: 'position', seq: 2, hash: 'f'.repeat(64) });
    db.close();
    expect(await recoverIndex(d.bridge, d.open, d.remove)).toMatchObject({ kind: 'rebuilt', reason: 'diverged' });
    await expectLevel(d, before);
    const edited = await dumpPortable(d.open());
    let first = true;
    const unreadable = () => {
      if (!first) return d.open();
      first = false;
      const broken = new Dexie('zqa', { indexedDB: d.idb, IDBKeyRange });
      broken.version(99).stores({});
      return broken;
    };
    expect(await recoverIndex(d.bridge, unreadable, d.remove)).toMatchObject({ kind: 'rebuilt', reason: 'corrupt' });
    await expectLevel(d, edited);
  });

  it('leaves everything alone when they are level, and says when there is no journal', async () => {
    const d = await device();
    const db = d.app();
    await edit(db, 1);
    db.close();
    expect(await recoverIndex(d.bridge, d.open, d.remove)).toMatchObject({ kind: 'level' });
    const none: JournalBridge = { ...d.bridge, head: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'no origin-private file system' } }) };
    expect(await recoverIndex(none, d.open, d.remove)).toMatchObject({ kind: 'unavailable', reason: 'no origin-private file system' });
  });
});
