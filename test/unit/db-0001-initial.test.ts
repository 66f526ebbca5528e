import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, applyMigrations } from '../../renderer/src/db/migrations/index.js';
import { migration0001Initial } from '../../renderer/src/db/migrations/0001-initial.js';

describe('migration 0001: initial schema', () => {
  it('creates every table with its keys and indexes', async () => {
    const db = new Dexie('m0001', { indexedDB: new IDBFactory(), IDBKeyRange });
    applyMigrations(db, [migration0001Initial]);
    await db.open();
    expect(db.verno).toBe(1);
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, { primKey: t.schema.primKey.name, indexes: t.schema.indexes.map((i) => i.name).sort() }]),
    );
    expect(schema).toEqual({
      reviews: { primKey: 'id', indexes: [] },
      itemScores: { primKey: '[reviewId+itemId]', indexes: ['reviewId'] },
      notes: { primKey: 'id', indexes: ['[reviewId+itemId]', 'reviewId'] },
      attachments: { primKey: 'id', indexes: ['[reviewId+itemId]', 'reviewId', 'sha256'] },
      siteIssueStatus: { primKey: '[reviewId+issueId]', indexes: ['reviewId'] },
      exclusionChecks: { primKey: '[reviewId+number]', indexes: ['reviewId'] },
      declarations: { primKey: 'reviewId', indexes: [] },
      history: { primKey: '[reviewId+seq]', indexes: ['reviewId'] },
    });
    db.close();
  });

  it('keeps reviews apart through the compound keys', async () => {
    const db = new Dexie('m0001-keys', { indexedDB: new IDBFactory(), IDBKeyRange });
    applyMigrations(db, [migration0001Initial]);
    await db.open();
    const scores = db.table('itemScores');
    await scores.bulkPut([
      { reviewId: 'a', itemId: '4.1.2', percent: 50 },
      { reviewId: 'b', itemId: '4.1.2', percent: 70 },
    ]);
    expect((await scores.get(['a', '4.1.2']) as { percent: number }).percent).toBe(50);
    expect(await scores.where('reviewId').equals('b').count()).toBe(1);
    db.close();
  });

  it('is the first of the migrations, which are in order', () => {
    expect(MIGRATIONS[0]).toBe(migration0001Initial);
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(() => applyMigrations(new Dexie('x', { indexedDB: new IDBFactory(), IDBKeyRange }), [migration0001Initial, migration0001Initial])).toThrow(/out of order/);
  });
});
