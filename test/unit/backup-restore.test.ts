import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import { verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { Dexie } from 'dexie';
import { createDatabaseBackup, openDatabaseBackup, restoreDatabase, snapshotDatabase } from '../../renderer/src/workspaces/backup/store/database-backup.js';
import { applyMigrations, MIGRATIONS } from '../../renderer/src/db/migrations/index.js';
import { sealBackup } from '../support/seal-backup-v2.js';
import { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { addAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { setExclusionCheck, setSiteIssueStatus } from '../../renderer/src/workspaces/expert/store/check-writes.js';
import { recordDeclaration } from '../../renderer/src/workspaces/expert/store/declaration-writes.js';
import { addNote } from '../../renderer/src/workspaces/expert/store/note-writes.js';
import { setItemScore } from '../../renderer/src/workspaces/expert/store/score-writes.js';
import { testContext } from './db-test-helpers.js';
import { testBackupDevice } from './backup-test-device.js';
import { readBackupHead } from '../../shared/backup/backup-head.js';
import type { BackupSigningDevice } from '../../shared/backup/backup-format.js';
import { MemorySink, memorySource } from '../../shared/packages/stream/byte-io.js';

const PASS = '现场评审备份口令-2026';
const SETTINGS = { language: 'zh-CN', fontSize: 18, lastFolder: null };
const open: ZqaDatabase[] = [];

/** A database on its own fake IndexedDB: a separate "device". */
function device(name = 'zqa'): { db: ZqaDatabase; deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } } {
  const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
  const db = new ZqaDatabase(name, deps);
  open.push(db);
  return { db, deps };
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** A backup file of `db` as the app writes it (format version 3), in memory. */
async function backupFile(db: ZqaDatabase, signer?: BackupSigningDevice): Promise<Uint8Array> {
  const sink = new MemorySink();
  await createDatabaseBackup(db, PASS, SETTINGS, signer ?? (await testBackupDevice()), sink);
  return sink.bytes();
}

/** A backup file opened for `target` as the restore screen opens one: its head (signature), then its entries. */
async function openFile(target: ZqaDatabase, file: Uint8Array, passphrase = PASS) {
  const source = memorySource(file);
  const head = await readBackupHead(source);
  return head.ok ? openDatabaseBackup(target, source, head.value, passphrase) : head;
}

async function filledDevice() {
  const { db } = device();
  await seedDemoIfEmpty(db, new Date('2026-11-30T07:00:00Z'));
  const ctx = testContext(db);
  await recordDeclaration(ctx, DEMO_REVIEW_ID, { conflict: false });
  for (const [i, item] of ['4.1.2', '4.2.2', '4.3.3', '4.6.2'].entries()) await setItemScore(ctx, DEMO_REVIEW_ID, item, 30 + i * 5);
  await setItemScore(ctx, DEMO_REVIEW_ID, '4.1.2', 55);
  await addNote(ctx, DEMO_REVIEW_ID, '4.1.2', { kind: 'strength', text: '高层领导每月主持质量例会' });
  await addNote(ctx, DEMO_REVIEW_ID, '4.1.2', { kind: 'observation', text: '纪要齐全', evidence: { document: '纪要', intervieweeRole: '质量部部长', place: '三楼' } });
  const photo = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
  await addAttachment(ctx, DEMO_REVIEW_ID, '4.1.2', { name: '现场照片.jpg', type: 'image/jpeg', blob: new Blob([photo], { type: 'image/jpeg' }) });
  await setSiteIssueStatus(ctx, DEMO_REVIEW_ID, 'si-2', 'confirmed', '已核实');
  await setExclusionCheck(ctx, DEMO_REVIEW_ID, 3, 'flagged', '有一起环保处罚');
  return db;
}

/** Every record of every table, Blobs replaced by their bytes so toEqual compares content. */
async function everything(db: ZqaDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) => {
        const copy: Record<string, unknown> = { ...row };
        for (const [k, v] of Object.entries(copy)) if (v instanceof Blob) copy[k] = { type: v.type, bytes: [...new Uint8Array(await v.arrayBuffer())] };
        return copy;
      }),
    );
  }
  return out;
}

describe('whole-database backup and restore', { timeout: 60_000 }, () => {
  it('restores every record of every table into a fresh device, attachments byte for byte', async () => {
    const source = await filledDevice();
    const before = await everything(source);
    expect(Object.keys(before).sort()).toEqual(source.tables.map((t) => t.name).sort());
    expect(before['attachments']).toHaveLength(1);
    expect(before['history']!.length).toBeGreaterThanOrEqual(5);
    const file = await backupFile(source);

    const { db: target, deps } = device();
    const opened = await openFile(target, file, PASS);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.settings).toEqual(SETTINGS);
    const restored = await restoreDatabase(target, opened.value, deps);
    expect(restored.ok).toBe(true);
    expect(await everything(target)).toEqual(before);
    const history = await target.history.where('reviewId').equals(DEMO_REVIEW_ID).sortBy('seq');
    expect((await verifyHistoryChain(history.map(({ reviewId: _, ...e }) => e))).ok).toBe(true);
  });

  it('replaces what the device held, and a wrong passphrase or a damaged file changes nothing', async () => {
    const source = await filledDevice();
    const file = await backupFile(source);
    const { db: target, deps } = device();
    await seedDemoIfEmpty(target, new Date('2026-12-01T07:00:00Z'));
    await setItemScore(testContext(target, 'someone-else'), DEMO_REVIEW_ID, '4.7.2', 80);
    const untouched = await everything(target);
    const wrong = await openFile(target, file, 'not the passphrase');
    expect(!wrong.ok && wrong.error.code).toBe('wrong-passphrase');
    // A byte of the photo's entry changed: the signed manifest still holds, the entry does not.
    const damaged = file.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0x80;
    const bad = await openFile(target, damaged, PASS);
    expect(!bad.ok && bad.error.code).toBe('damaged');
    expect(await everything(target)).toEqual(untouched);

    const opened = await openFile(target, file, PASS);
    if (!opened.ok) throw new Error(opened.error.message);
    expect((await restoreDatabase(target, opened.value, deps)).ok).toBe(true);
    expect(await everything(target)).toEqual(await everything(source));
    expect(await target.itemScores.get([DEMO_REVIEW_ID, '4.7.2'])).toBeUndefined();
  });

  it('is all or nothing: a restore that fails half way leaves every table as it was', async () => {
    const source = await filledDevice();
    const opened = await openFile(source, await backupFile(source), PASS);
    if (!opened.ok) throw new Error(opened.error.message);
    // The last table gets a duplicate key, so its bulkAdd fails after every other table was cleared and written.
    const tables = opened.value.tables.map((t) => ({ ...t, rows: [...t.rows] }));
    const last = tables.findLast((t) => t.rows.length > 0)!;
    last.rows.push(last.rows[0]);
    const { db: target, deps } = device();
    await seedDemoIfEmpty(target);
    const untouched = await everything(target);
    const result = await restoreDatabase(target, { ...opened.value, tables }, deps);
    expect(!result.ok && result.error.code).toBe('write-failed');
    expect(await everything(target)).toEqual(untouched);
    // And a table this schema does not have is refused before anything is written.
    const foreign = await restoreDatabase(target, { ...opened.value, tables: [...opened.value.tables, { name: 'mystery', rows: [] }] }, deps);
    expect(!foreign.ok && foreign.error.code).toBe('schema-mismatch');
    expect(await everything(target)).toEqual(untouched);
  });

  it('checks every row against the schema before writing: a row without its key, a bad indexed field, a forged trust anchor or device profile are refused and nothing changes', async () => {
    const source = await filledDevice();
    await source.deviceProfile.put({ id: 'device', name: '李明', organisation: '河南省质量协会', role: 'expert', keyId: 'k', fingerprint: 'f', createdAt: '', updatedAt: '' });
    await source.trustAnchor.put({ id: 'secretariat', card: { name: '秘书处王芳', organisation: '秘书处', role: 'secretariat', keyId: 'a'.repeat(32), signingKey: 'A'.repeat(120), encryptionKey: 'B'.repeat(120), fingerprint: '12345 67890 12345 67890' }, packageBytes: new Uint8Array([1]), confirmedAt: '2026-12-01T00:00:00Z' });
    const opened = await openFile(source, await backupFile(source), PASS);
    if (!opened.ok) throw new Error(opened.error.message);
    const { db: target, deps } = device();
    await seedDemoIfEmpty(target);
    const untouched = await everything(target);
    const edit = (table: string, change: (row: Record<string, unknown>) => Record<string, unknown>) => ({
      ...opened.value,
      tables: opened.value.tables.map((t) => (t.name === table ? { ...t, rows: t.rows.map((r, i) => (i === 0 ? change(r as Record<string, unknown>) : r)) } : t)),
    });
    const cases: [string, ReturnType<typeof edit>, RegExp][] = [
      ['a note without its id', edit('notes', ({ id: _id, ...rest }) => rest), /table notes, row 1: its primary key \(id\)/],
      ['a score whose reviewId is an object', edit('itemScores', (r) => ({ ...r, reviewId: { not: 'a key' } })), /table itemScores, row 1/],
      ['a trust anchor holding an expert’s card', edit('trustAnchor', (r) => ({ ...r, card: { ...(r.card as object), role: 'expert' } })), /table trustAnchor, row 1: card/],
      ['a trust anchor with a field the schema lacks', edit('trustAnchor', (r) => ({ ...r, extra: true })), /table trustAnchor, row 1/],
      ['a device profile with an unknown role', edit('deviceProfile', (r) => ({ ...r, role: 'admin' })), /table deviceProfile, row 1: role/],
    ];
    for (const [what, contents, message] of cases) {
      const result = await restoreDatabase(target, contents, deps);
      expect(result.ok ? 'restored' : result.error.code, what).toBe('invalid-rows');
      expect(result.ok ? '' : result.error.message, what).toMatch(message);
      expect(await everything(target), what).toEqual(untouched);
    }
    expect((await restoreDatabase(target, opened.value, deps)).ok).toBe(true);
  });

  it('upgrades a backup made by an older version (schema 1) through the app\'s own migrations, and leaves no staging database', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie('zqa-v1', deps);
    applyMigrations(old, MIGRATIONS.slice(0, 1));
    const asApp = old as unknown as ZqaDatabase;
    await seedDemoIfEmpty(asApp, new Date('2026-11-30T07:00:00Z'));
    await setItemScore(testContext(asApp), DEMO_REVIEW_ID, '4.2.2', 65);
    await addNote(testContext(asApp), DEMO_REVIEW_ID, '4.2.2', { kind: 'ofi', text: '旧版本写下的意见' });
    const v1 = await snapshotDatabase(old, SETTINGS);
    expect(v1.schemaVersion).toBe(1);
    const oldRows = Object.fromEntries(await Promise.all(old.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    old.close();

    const { db: target, deps: targetDeps } = device();
    expect(target.verno).toBe(MIGRATIONS.at(-1)!.version);
    const opened = await openFile(target, await sealBackup(v1, PASS, await testBackupDevice()), PASS);
    if (!opened.ok) throw new Error(opened.error.message);
    const restored = await restoreDatabase(target, opened.value, targetDeps);
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    const now = await everything(target);
    for (const [name, rows] of Object.entries(oldRows)) expect(now[name], name).toHaveLength(rows.length);
    expect(await target.itemScores.get([DEMO_REVIEW_ID, '4.2.2'])).toMatchObject({ percent: 65 });
    expect((await target.notes.toArray()).map((n) => n.text)).toEqual(['旧版本写下的意见']);
    expect(target.tables.length).toBeGreaterThan(old.tables.length);
    const names = (await targetDeps.indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('zqa-restore-staging');
  });

  it('refuses a backup from a newer schema with a message saying to update', async () => {
    const source = await filledDevice();
    const opened = await openFile(source, await backupFile(source), PASS);
    if (!opened.ok) throw new Error(opened.error.message);
    const { db: target, deps } = device();
    const newer = await restoreDatabase(target, { ...opened.value, schemaVersion: target.verno + 1 }, deps);
    expect(!newer.ok && newer.error.code).toBe('newer-schema');
  });
});
