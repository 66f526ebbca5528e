import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ZqaDatabase } from '../../renderer/src/db/database.js';
import { toHex } from '../../shared/util/bytes.js';
import type { WriteContext } from '../../renderer/src/workspaces/expert/store/write-context.js';

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

/** Every table, every row, in a form toEqual compares exactly (bytes as hex, blobs by content). */
export async function dumpDatabase(db: ZqaDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await Promise.all((await table.toArray()).map(normalise));
  return out;
}

async function normalise(value: unknown): Promise<unknown> {
  if (value instanceof Uint8Array) return `bytes:${toHex(value)}`;
  if (value instanceof Blob) return `blob:${value.type}:${toHex(new Uint8Array(await value.arrayBuffer()))}`;
  if (Array.isArray(value)) return Promise.all(value.map(normalise));
  if (value && typeof value === 'object') return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await normalise(v)])));
  return value;
}
