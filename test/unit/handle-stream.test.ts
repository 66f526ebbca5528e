import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostFileError, pickSource, saveThroughSink } from '../../renderer/src/host/handle-stream.js';
import { createBrowserFileHandles } from '../../renderer/src/host/browser-file-handles.js';
import { folderAttachmentStore, nodeCrc32, nodeSha256 } from '../../node/file-stream.js';
import { nodeChunkCipher } from '../../node/node-chunk-cipher.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { CHUNK_BYTES, CHUNK_OVERHEAD } from '../../shared/packages/stream/chunk-cipher.js';
import { importPackageStream } from '../../shared/packages/stream/import-package-stream.js';
import { writePackageStream } from '../../shared/packages/stream/write-package-stream.js';
import { err, ok } from '../../shared/util/result.js';
import { buildScoresheet } from '../../shared/workflow/build-scoresheet.js';
import { demoWork } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { mainFilesBridge } from '../support/handle-files.js';
import { makePanel, panelHeld, type Panel } from './packages-fixture.js';

/**
 * The renderer's side of packages streamed through the host (renderer/src/host/handle-stream.ts)
 * over the main process's real file functions: a 200 MB scoresheet exported to a file and
 * imported back, no bridge call ever moving more than one sealed chunk.
 */
let dir: string;
let panel: Panel;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zqa-handle-stream-'));
  panel = await makePanel(5);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEALED_CHUNK = CHUNK_BYTES + CHUNK_OVERHEAD;

describe('a package streamed through the bridge by handle', () => {
  it('exports and imports a 200 MB scoresheet a chunk at a time: no read or write larger than one sealed chunk', async () => {
    const member = panel.members[1]!;
    const photos = Array.from({ length: 4 }, () => randomBytes(50 * 1024 * 1024 + 7));
    const now = new Date(Date.UTC(2026, 5, 2));
    const work = await demoWork({ random: seededRandom(5), assignment: panel.assignment, expert: member.card, startedAt: now, photos });
    const built = await buildScoresheet(work, panel.assignment, member.card.keyId, now);
    if (!built.ok) throw new Error(built.error.en);
    const digests = new Map(await Promise.all(built.value.files.map(async (f) => [f.entry, createHash('sha256').update(await f.source.read(0, f.source.size)).digest('hex')] as const)));

    const target = join(dir, '评分表.zqa');
    const { files, largest } = mainFilesBridge({ save: target, open: target });
    const saved = await saveThroughSink(files, { kind: 'package', suggestedName: '评分表.zqa' }, (sink) =>
      writePackageStream(
        { type: 'scoresheet', content: built.value.content, blobs: built.value.files, subject: panel.subject, revision: 1, createdAt: now, sender: { name: member.facts.name, keys: member.keys }, recipients: [panel.members[0]!.card, member.card] },
        { sink, sha256: nodeSha256, crc32: nodeCrc32, chunkCipher: nodeChunkCipher },
      ),
    );
    if (!saved.ok || !saved.value) throw new Error(`not saved: ${JSON.stringify(saved)}`);
    expect(saved.value.savedAs).toBe(target);
    expect(statSync(target).size).toBeGreaterThan(200 * 1024 * 1024);
    expect(readdirSync(dir)).toEqual(['评分表.zqa']);

    const picked = await pickSource(files, 'package');
    if (!picked.ok || !picked.value) throw new Error('not picked');
    const source = picked.value;
    expect(source.size).toBe(statSync(target).size);
    const out = join(dir, 'imported');
    const options = { keys: panel.members[0]!.keys, trust: panel.memberTrust, accept: ['scoresheet' as const], history: NO_HISTORY, held: panelHeld(panel), sha256: nodeSha256, crc32: nodeCrc32, chunkCipher: nodeChunkCipher };
    const imported = await importPackageStream(source, options, folderAttachmentStore(out, false));
    await source.close();
    if (!imported.ok) throw new Error(imported.error.message);
    for (const [entry, digest] of digests) expect(createHash('sha256').update(readFileSync(imported.value.blobs.get(entry)!)).digest('hex')).toBe(digest);

    // Every slice was at most one sealed chunk; the reads did come a chunk at a time.
    expect(largest.read).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.append).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.patch).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.read).toBeGreaterThanOrEqual(CHUNK_BYTES);
    expect(await files.read({ handle: 'f'.repeat(32), offset: 0, length: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 120_000);

  it('a writer that fails, or a host that refuses a slice, leaves no file and keeps the old one', async () => {
    const target = join(dir, 'old.zqa');
    writeFileSync(target, 'the old package');
    const { files } = mainFilesBridge({ save: target });
    const refused = await saveThroughSink(files, { kind: 'package', suggestedName: 'old.zqa' }, async (sink) => {
      await sink.write(new Uint8Array(100));
      return err({ code: 'entry-too-large' });
    });
    expect(refused).toEqual({ ok: false, error: { code: 'entry-too-large' } });
    const patchedPastEnd = await saveThroughSink(files, { kind: 'package', suggestedName: 'old.zqa' }, async (sink) => {
      await sink.write(new Uint8Array(10));
      await sink.writeAt(8, new Uint8Array(4));
      return ok(null);
    });
    expect(patchedPastEnd).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(readFileSync(target, 'utf8')).toBe('the old package');
    expect(readdirSync(dir).filter((n) => n.includes('old.zqa'))).toEqual(['old.zqa']);

    expect(await saveThroughSink(mainFilesBridge({}).files, { kind: 'package', suggestedName: 'x.zqa' }, () => Promise.resolve(ok(1)))).toEqual({ ok: true, value: null });
    expect(await pickSource(mainFilesBridge({}).files, 'package')).toEqual({ ok: true, value: null });
  });

  it('a read the host refuses reaches the package code as a HostFileError with its code', async () => {
    const target = join(dir, 'small.zqa');
    writeFileSync(target, 'abc');
    const picked = await pickSource(mainFilesBridge({ open: target }).files, 'package');
    if (!picked.ok || !picked.value) throw new Error('not picked');
    await picked.value.close();
    const refusal = await picked.value.read(0, 1).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(HostFileError);
    expect((refusal as HostFileError).error.code).toBe('not-found');
  });
});

describe("the browser host's files by handle", () => {
  it('reads a picked File by slices and downloads the saved Blob, patched, only at commit', async () => {
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    const pending: Promise<void>[] = [];
    const handles = createBrowserFileHandles(
      (blob, name) => void pending.push(blob.arrayBuffer().then((b) => void downloads.push({ name, bytes: new Uint8Array(b) }))),
      () => 'application/octet-stream',
    );
    const opened = handles.add(new File([new Uint8Array([1, 2, 3, 4, 5])], 'a.zqa'));
    expect(await handles.read({ handle: opened.handle, offset: 1, length: 3 })).toEqual({ ok: true, value: new Uint8Array([2, 3, 4]) });
    expect(await handles.read({ handle: opened.handle, offset: 3, length: 3 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    const begun = await handles.beginSave({ kind: 'package', suggestedName: 'b.zqa' });
    if (!begun.ok || !begun.value) throw new Error('not begun');
    const { handle } = begun.value;
    await handles.append({ handle, bytes: new Uint8Array([9, 9, 9]) });
    await handles.append({ handle, bytes: new Uint8Array([8]) });
    expect((await handles.patch({ handle, offset: 1, bytes: new Uint8Array([7, 7]) })).ok).toBe(true);
    expect(await handles.patch({ handle, offset: 3, bytes: new Uint8Array([7, 7]) })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(downloads).toEqual([]);
    expect(await handles.commit({ handle })).toEqual({ ok: true, value: { savedAs: 'b.zqa' } });
    await Promise.all(pending);
    expect(downloads).toEqual([{ name: 'b.zqa', bytes: new Uint8Array([9, 7, 7, 8]) }]);

    const dropped = await handles.beginSave({ kind: 'package', suggestedName: 'c.zqa' });
    if (!dropped.ok || !dropped.value) throw new Error('not begun');
    expect(await handles.abort({ handle: dropped.value.handle })).toEqual({ ok: true, value: null });
    expect(await handles.commit({ handle: dropped.value.handle })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(downloads.length).toBe(1);
  });
});
