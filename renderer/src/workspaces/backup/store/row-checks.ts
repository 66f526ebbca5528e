import type { Dexie, Table } from 'dexie';
import { z } from 'zod';
import type { BackupContents } from '../../../../../shared/backup/backup-format.js';
import { identityCardSchema } from '../../../../../shared/identity/identity-card.js';

/**
 * Every row of a backup checked against the database's schema before the one restore
 * transaction: a row is an object, its primary key is a valid IndexedDB key, and every indexed
 * field it has is one too (IndexedDB would otherwise store the row silently unindexed, and the
 * screens that query by that index would never see it). The rows that decide whom the device
 * trusts or who it is are also checked field by field: the trust anchor must be a well-formed
 * secretariat card, the device profile a well-formed profile. The first fault is reported with
 * its table and row; nothing is written.
 */
const ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  trustAnchor: z.strictObject({
    id: z.literal('secretariat'),
    card: identityCardSchema.refine((card) => card.role === 'secretariat', 'the trust anchor must be a secretariat card'),
    packageBytes: z.instanceof(Uint8Array),
    confirmedAt: z.string().max(64),
  }),
  deviceProfile: z.strictObject({
    id: z.literal('device'),
    name: z.string().max(100),
    organisation: z.string().max(200),
    role: z.enum(['expert', 'secretariat']),
    keyId: z.string().max(64),
    fingerprint: z.string().max(64),
    cardRevision: z.number().int().min(0).optional(),
    createdAt: z.string().max(64),
    updatedAt: z.string().max(64),
  }),
};

/** A valid IndexedDB key: a number (not NaN), a string, a valid Date, binary, or an array of keys. */
function isValidKey(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value === 'string') return true;
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
  if (Array.isArray(value)) return depth < 16 && value.every((v) => isValidKey(v, depth + 1));
  return false;
}

function valueAt(row: Record<string, unknown>, keyPath: string | string[]): unknown {
  if (Array.isArray(keyPath)) return keyPath.map((p) => valueAt(row, p));
  return keyPath.split('.').reduce<unknown>((at, part) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), row);
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function rowProblem(table: Table, row: unknown): string | null {
  const { primKey, indexes } = table.schema;
  const inbound = primKey.keyPath != null && primKey.keyPath !== '';
  if (!inbound) {
    if (!isRecord(row) || !('key' in row) || !('value' in row)) return 'not a { key, value } pair';
    return isValidKey(row.key) ? null : 'its key is not a valid key';
  }
  if (!isRecord(row)) return 'not a record';
  if (!isValidKey(valueAt(row, primKey.keyPath!))) return `its primary key (${String(primKey.keyPath)}) is missing or not a valid key`;
  for (const index of indexes) {
    if (!index.keyPath) continue;
    const value = valueAt(row, index.keyPath);
    const present = Array.isArray(index.keyPath) ? (value as unknown[]).some((v) => v !== undefined) : value !== undefined;
    if (!present) continue;
    const valid = index.multi && Array.isArray(value) ? value.every((v) => isValidKey(v)) : isValidKey(value);
    if (!valid) return `its indexed field ${String(index.keyPath)} is not a valid key`;
  }
  const schema = ROW_SCHEMAS[table.name];
  const checked = schema?.safeParse(row);
  if (checked && !checked.success) {
    const issue = checked.error.issues[0];
    return `${issue?.path.join('.') || 'the row'}: ${issue?.message ?? 'does not fit'}`;
  }
  return null;
}

/** The first row that does not fit the schema, as a message naming its table and position; null when all fit. */
export function firstInvalidRow(db: Dexie, contents: BackupContents): string | null {
  const byName = new Map(db.tables.map((t) => [t.name, t]));
  for (const { name, rows } of contents.tables) {
    const table = byName.get(name);
    if (!table) return `table "${name}" is not in this database`;
    for (const [i, row] of rows.entries()) {
      const problem = rowProblem(table, row);
      if (problem) return `table ${name}, row ${i + 1}: ${problem}`;
    }
  }
  return null;
}
