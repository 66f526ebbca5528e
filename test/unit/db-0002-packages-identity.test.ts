import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { migration0001Initial } from '../../renderer/src/db/migrations/0001-initial.js';
import { migration0002PackagesIdentity } from '../../renderer/src/db/migrations/0002-packages-identity.js';
import { MIGRATIONS, applyMigrations } from '../../renderer/src/db/migrations/index.js';

describe('migration 0002: identity, trust and packages', () => {
  it('adds its tables with their keys and indexes, keeping version 1 data', async () => {
    const idb = new IDBFactory();
    const v1 = new Dexie('m0002', { indexedDB: idb, IDBKeyRange });
    applyMigrations(v1, [migration0001Initial]);
    await v1.open();
    await v1.table('reviews').add({ id: 'r1', source: 'demo' });
    v1.close();

    const v2 = new Dexie('m0002', { indexedDB: idb, IDBKeyRange });
    applyMigrations(v2, [migration0001Initial, migration0002PackagesIdentity]);
    await v2.open();
    expect(v2.verno).toBe(2);
    const schema = Object.fromEntries(v2.tables.map((t) => [t.name, { primKey: t.schema.primKey.name, indexes: t.schema.indexes.map((i) => i.name).sort() }]));
    expect(schema).toMatchObject({
      deviceProfile: { primKey: 'id', indexes: [] },
      trustAnchor: { primKey: 'id', indexes: [] },
      receivedPackages: { primKey: 'manifestSha256', indexes: ['[seriesId+revision]', 'reviewId', 'seriesId', 'type'] },
      panelAssignments: { primKey: 'reviewId', indexes: ['leaderKeyId', 'panelId'] },
      memberScoresheets: { primKey: '[reviewId+memberKeyId]', indexes: ['reviewId'] },
      memberScoresheetHistory: { primKey: '[reviewId+memberKeyId+revision]', indexes: ['reviewId'] },
      scoresheetExports: { primKey: '[reviewId+revision]', indexes: ['reviewId'] },
    });
    expect(await v2.table('reviews').get('r1')).toEqual({ id: 'r1', source: 'demo' });
    v2.close();
  });

  it('keeps a member’s revisions apart and finds a series’ latest revision by index', async () => {
    const db = new Dexie('m0002-keys', { indexedDB: new IDBFactory(), IDBKeyRange });
    applyMigrations(db, [migration0001Initial, migration0002PackagesIdentity]);
    await db.open();
    const history = db.table('memberScoresheetHistory');
    await history.bulkAdd([
      { reviewId: 'p1', memberKeyId: 'k1', revision: 1 },
      { reviewId: 'p1', memberKeyId: 'k1', revision: 2 },
    ]);
    expect(await history.where('reviewId').equals('p1').count()).toBe(2);
    const received = db.table('receivedPackages');
    await received.bulkAdd([
      { manifestSha256: 'a', seriesId: 's', revision: 1 },
      { manifestSha256: 'b', seriesId: 's', revision: 3 },
      { manifestSha256: 'c', seriesId: 't', revision: 9 },
    ]);
    const latest = (await received.where('[seriesId+revision]').between(['s', Dexie.minKey], ['s', Dexie.maxKey]).last()) as { manifestSha256: string };
    expect(latest.manifestSha256).toBe('b');
    db.close();
  });

  it('is registered as version 2', () => {
    expect(MIGRATIONS).toContain(migration0002PackagesIdentity);
    expect(migration0002PackagesIdentity.version).toBe(2);
  });
});
