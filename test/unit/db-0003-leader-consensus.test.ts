import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, applyMigrations } from '../../renderer/src/db/migrations/index.js';
import { migration0001Initial } from '../../renderer/src/db/migrations/0001-initial.js';
import { migration0003LeaderConsensus } from '../../renderer/src/db/migrations/0003-leader-consensus.js';

describe('migration 0003: leader consensus, report, countersignatures', () => {
  it('adds its tables with their keys and indexes and keeps version 1 data', async () => {
    const idb = new IDBFactory();
    const v1 = new Dexie('m0003', { indexedDB: idb, IDBKeyRange });
    applyMigrations(v1, [migration0001Initial]);
    await v1.open();
    await v1.table('reviews').add({ id: 'r1' });
    v1.close();

    const db = new Dexie('m0003', { indexedDB: idb, IDBKeyRange });
    applyMigrations(db, [migration0001Initial, migration0003LeaderConsensus]);
    await db.open();
    expect(db.verno).toBe(3);
    const schema = Object.fromEntries(db.tables.map((t) => [t.name, { primKey: t.schema.primKey.name, indexes: t.schema.indexes.map((i) => i.name).sort() }]));
    expect(schema).toMatchObject({
      consensusStates: { primKey: 'reviewId', indexes: [] },
      consensusEdits: { primKey: '[reviewId+seq]', indexes: ['reviewId'] },
      consensusScoreHistory: { primKey: '[reviewId+seq]', indexes: ['reviewId'] },
      reportArtefacts: { primKey: 'id', indexes: ['createdAt', 'reviewId'] },
      receivedCountersignatures: { primKey: '[reviewId+signerKeyId]', indexes: ['reviewId'] },
      finalisations: { primKey: 'reviewId', indexes: [] },
      reportsToSign: { primKey: 'packageId', indexes: ['reviewId'] },
    });
    expect(await db.table('reviews').get('r1')).toEqual({ id: 'r1' });
    db.close();
  });

  it('keeps two reviews apart and is registered in order', async () => {
    const db = new Dexie('m0003-keys', { indexedDB: new IDBFactory(), IDBKeyRange });
    applyMigrations(db, MIGRATIONS);
    await db.open();
    const cs = db.table('receivedCountersignatures');
    await cs.bulkPut([
      { reviewId: 'a', signerKeyId: 'k1', signature: 'x' },
      { reviewId: 'b', signerKeyId: 'k1', signature: 'y' },
    ]);
    expect(((await cs.get(['a', 'k1'])) as { signature: string }).signature).toBe('x');
    expect(await cs.where('reviewId').equals('b').count()).toBe(1);
    expect(MIGRATIONS).toContain(migration0003LeaderConsensus);
    db.close();
  });
});
