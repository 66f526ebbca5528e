import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCrc32, nodeSha256 } from '../../node/file-stream.js';
import { nodeChunkCipher } from '../../node/node-chunk-cipher.js';
import { pickSource, saveThroughSink } from '../../renderer/src/host/handle-stream.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { addAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { createDatabaseBackup, openDatabaseBackup, restoreDatabase } from '../../renderer/src/workspaces/backup/store/database-backup.js';
import { readBackupHead } from '../../shared/backup/backup-head.js';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import { CHUNK_BYTES, CHUNK_OVERHEAD } from '../../shared/packages/stream/chunk-cipher.js';
import { ok } from '../../shared/util/result.js';
import { mainFilesBridge } from '../support/handle-files.js';
import { testBackupDevice } from './backup-test-device.js';
import { freshDatabase, testContext } from './db-test-helpers.js';

/**
 * The whole-database backup through the host's file handles (renderer/src/host/handle-stream.ts)
 * over the main process's real file functions: a database with 200 MB of photos backed up to a
 * file and restored into another device, no bridge call ever moving more than one sealed chunk.
 */
let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'zqa-backup-stream-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PASS = '两百兆照片的备份口令';
const SEALED_CHUNK = CHUNK_BYTES + CHUNK_OVERHEAD;
const native = { chunkCipher: nodeChunkCipher, sha256: nodeSha256, crc32: nodeCrc32 };
const digest = async (blob: Blob) => createHash('sha256').update(new Uint8Array(await blob.arrayBuffer())).digest('hex');

describe('the whole-database backup streamed through the bridge by handle', () => {
  it('backs up and restores 200 MB of photos a chunk at a time: no read or write larger than one sealed chunk', async () => {
    const source = freshDatabase();
    await seedDemoIfEmpty(source, new Date('2026-12-01T07:00:00Z'));
    const ctx = testContext(source);
    const photos = Array.from({ length: 4 }, () => randomBytes(50 * 1024 * 1024 - 3));
    for (const [i, photo] of photos.entries()) await addAttachment(ctx, DEMO_REVIEW_ID, '4.1.2', { name: `现场照片-${i + 1}.jpg`, type: 'image/jpeg', blob: new Blob([photo]) });
    const digests = photos.map((p) => createHash('sha256').update(p).digest('hex')).sort();
    photos.length = 0;

    const target = join(dir, '评审数据备份.zqabak');
    const { files, largest } = mainFilesBridge({ save: target, open: target });
    const device = await testBackupDevice();
    const saved = await saveThroughSink(files, { kind: 'backup', suggestedName: '评审数据备份.zqabak' }, async (sink) => ok(await createDatabaseBackup(source, PASS, { language: 'zh-CN' }, device, sink, new Date(), native)));
    if (!saved.ok || !saved.value) throw new Error(`not saved: ${JSON.stringify(saved)}`);
    expect(statSync(target).size).toBe(saved.value.value);
    expect(saved.value.value).toBeGreaterThan(200 * 1024 * 1024);
    expect(readdirSync(dir)).toEqual(['评审数据备份.zqabak']);

    const picked = await pickSource(files, 'backup');
    if (!picked.ok || !picked.value) throw new Error('not picked');
    const file = picked.value;
    const head = await readBackupHead(file);
    if (!head.ok) throw new Error(head.error.message);
    expect(head.value.version).toBe(3);
    const restored = freshDatabase();
    const opened = await openDatabaseBackup(restored, file, head.value, PASS, native);
    await file.close();
    if (!opened.ok) throw new Error(opened.error.message);
    const written = await restoreDatabase(restored, opened.value);
    expect(written.ok, JSON.stringify(written)).toBe(true);

    const attachments = await restored.attachments.toArray();
    expect(attachments.map((a) => a.name).sort()).toEqual(['现场照片-1.jpg', '现场照片-2.jpg', '现场照片-3.jpg', '现场照片-4.jpg']);
    expect((await Promise.all(attachments.map((a) => digest(a.blob)))).sort()).toEqual(digests);
    expect(attachments.every((a) => a.blob.type === 'image/jpeg')).toBe(true);

    // Every slice was at most one sealed chunk; the reads did come a chunk at a time.
    expect(largest.read).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.append).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.patch).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.read).toBeGreaterThanOrEqual(CHUNK_BYTES);
    source.close();
    restored.close();
  }, 300_000);
});
