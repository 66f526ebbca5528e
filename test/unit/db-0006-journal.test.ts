import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { migration0006Journal } from '../../renderer/src/db/migrations/0006-journal.js';
import { MIGRATIONS, applyMigrations } from '../../renderer/src/db/migrations/index.js';

describe('migration 0006: the index’s place in the journal', () => {
  it('adds journalMeta keyed by id, leaving every table of the version before and its rows as they were', async () => {
    const idb = new IDBFactory();
    const old = new Dexie('m0006', { indexedDB: idb, IDBKeyRange });
    // Every version before this one, whichever they are.
    applyMigrations(old, MIGRATIONS.filter((m) => m.version < migration0006Journal.version));
    await old.open();
    await old.table('notes').put({ id: 'n1', reviewId: 'r1', itemId: '4.1.2', text: '优势' });
    const before = old.tables.map((t) => t.name).sort();
    old.close();

    const db = new Dexie('m0006', { indexedDB: idb, IDBKeyRange });
    applyMigrations(db, MIGRATIONS);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...before, 'journalMeta'].sort());
    expect(db.table('journalMeta').schema.primKey.name).toBe('id');
    expect(db.table('journalMeta').schema.indexes).toEqual([]);
    expect(await db.table('notes').get('n1')).toMatchObject({ text: '优势' });
    await db.table('journalMeta').put({ id: 'position', seq: 3, hash: 'a'.repeat(64) });
    expect(await db.table('journalMeta').get('position')).toMatchObject({ seq: 3 });
    db.close();
  });
});
