import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { migration0001Initial } from '../../renderer/src/db/migrations/0001-initial.js';
import { migration0004Secretariat } from '../../renderer/src/db/migrations/0004-secretariat.js';
import { MIGRATIONS, applyMigrations } from '../../renderer/src/db/migrations/index.js';

describe('migration 0004: the secretariat workspace', () => {
  it('adds its tables with their keys and indexes, leaving version 1 as it was', async () => {
    const idb = new IDBFactory();
    const old = new Dexie('m0004', { indexedDB: idb, IDBKeyRange });
    applyMigrations(old, [migration0001Initial]);
    await old.open();
    await old.table('reviews').put({ id: 'r1' });
    old.close();

    const db = new Dexie('m0004', { indexedDB: idb, IDBKeyRange });
    applyMigrations(db, [migration0001Initial, migration0004Secretariat]);
    await db.open();
    expect(db.verno).toBe(4);
    const schema = Object.fromEntries(
      db.tables.filter((t) => t.name.startsWith('sec')).map((t) => [t.name, { primKey: t.schema.primKey.name, indexes: t.schema.indexes.map((i) => i.name).sort() }]),
    );
    expect(schema).toEqual({
      secAuthority: { primKey: 'id', indexes: [] },
      secCycles: { primKey: 'id', indexes: [] },
      secApplicants: { primKey: 'id', indexes: ['cycleId'] },
      secExperts: { primKey: 'id', indexes: ['keyId'] },
      secPanels: { primKey: 'id', indexes: ['applicantId', 'cycleId'] },
      secAssignments: { primKey: 'panelId', indexes: ['cycleId'] },
      secPanelReturns: { primKey: 'id', indexes: ['cycleId', 'panelId'] },
      secSummaries: { primKey: '[cycleId+applicantId]', indexes: ['cycleId'] },
      secDecisions: { primKey: '[cycleId+applicantId]', indexes: ['cycleId'] },
      secNotices: { primKey: 'cycleId', indexes: [] },
      secComplaints: { primKey: 'id', indexes: ['applicantId', 'cycleId'] },
      secSeries: { primKey: 'seriesId', indexes: [] },
    });
    expect(await db.table('reviews').get('r1')).toEqual({ id: 'r1' });
    db.close();
  });

  it('keeps one key per expert and reads one cycle’s summaries by index', async () => {
    const db = new Dexie('m0004-keys', { indexedDB: new IDBFactory(), IDBKeyRange });
    applyMigrations(db, [migration0001Initial, migration0004Secretariat]);
    await db.open();
    await db.table('secExperts').add({ id: 'e1', keyId: 'k1' });
    await expect(db.table('secExperts').add({ id: 'e2', keyId: 'k1' })).rejects.toThrow();
    await db.table('secSummaries').bulkPut([
      { cycleId: 'c1', applicantId: 'a' },
      { cycleId: 'c1', applicantId: 'b' },
      { cycleId: 'c2', applicantId: 'a' },
    ]);
    expect(await db.table('secSummaries').where('cycleId').equals('c1').count()).toBe(2);
    db.close();
  });

  it('is registered once, in order', () => {
    expect(MIGRATIONS.filter((m) => m === migration0004Secretariat)).toHaveLength(1);
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});
