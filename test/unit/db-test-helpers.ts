import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ZqaDatabase } from '../../renderer/src/db/database.js';
import type { WriteContext } from '../../renderer/src/db/writes/write-context.js';

let counter = 0;

/** A fresh, empty database on its own fake IndexedDB, so tests never see each other's data. */
export function freshDatabase(): ZqaDatabase {
  counter += 1;
  return new ZqaDatabase(`zqa-test-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A write context whose clock ticks one second per write. */
export function testContext(db: ZqaDatabase, actor = 'expert-li-ming'): WriteContext {
  let t = Date.parse('2026-11-30T08:00:00.000Z');
  return { db, actor, now: () => new Date((t += 1000)) };
}
