import type { Dexie } from 'dexie';
import type { JournalOp } from '../../../shared/journal/journal-record.js';
import { appTables } from './journal-meta.js';
import { OpEncoder, type PendingBinary } from './record-encoding.js';

/**
 * Everything the database holds, as the puts of one journal record, read in one transaction
 * (one consistent moment): what a journal starts from when the database already held data
 * before it (an upgrade from a version without the journal), or when the journal lost what
 * the database still has. Blobs become references (hash them before sending).
 */
export async function indexAsOps(db: Dexie): Promise<{ ops: JournalOp[]; binaries: PendingBinary[] }> {
  const tables = appTables(db);
  const encoder = new OpEncoder();
  const ops = await db.transaction('r', tables, async () => {
    const out: JournalOp[] = [];
    for (const table of tables) {
      const [keys, values] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
      if (keys.length === 0) continue;
      out.push({ t: table.name, put: values.map((v, i) => [encoder.key(keys[i]), encoder.value(v, `${table.name}[${i}]`)]) });
    }
    return out;
  });
  return { ops, binaries: encoder.binaries };
}
