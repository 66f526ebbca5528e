import type { Dexie } from 'dexie';
import type { PortableJson } from '../../shared/backup/portable-value.js';
import { compareKeys } from '../../shared/journal/idb-key.js';
import { indexAsOps } from '../../renderer/src/journal/index-as-ops.js';
import { hashBinaries } from '../../renderer/src/journal/record-encoding.js';

/** Every app table's rows in the journal's portable form (Blobs as SHA-256 references), in key order. */
export async function dumpPortable(db: Dexie): Promise<Record<string, [PortableJson, PortableJson][]>> {
  const { ops, binaries } = await indexAsOps(db);
  await hashBinaries(binaries, new Set());
  const out: Record<string, [PortableJson, PortableJson][]> = {};
  for (const op of ops) if ('put' in op) out[op.t] = [...op.put].sort((a, b) => compareKeys(a[0], b[0]));
  return out;
}
