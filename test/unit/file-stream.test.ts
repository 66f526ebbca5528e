import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtomicFileSink, folderAttachmentStore, nodeCrc32, nodeSha256, openFileSource } from '../../node/file-stream.js';
import { nodeChunkCipher } from '../../node/node-chunk-cipher.js';
import { crc32, CRC32_START, crc32Finish, crc32Update } from '../../shared/packages/crc32.js';
import { STREAMED_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { memorySource } from '../../shared/packages/stream/byte-io.js';
import { importPackageStream } from '../../shared/packages/stream/import-package-stream.js';
import { softwareSha256 } from '../../shared/util/sha256-stream.js';
import { writePackageStream } from '../../shared/packages/stream/write-package-stream.js';
import { buildScoresheet } from '../../shared/workflow/build-scoresheet.js';
import { demoWork } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { makePanel, panelHeld, type Panel } from './packages-fixture.js';

let dir: string;
let panel: Panel;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zqa-file-stream-'));
  panel = await makePanel(5);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Node hashes agree with the portable ones, piece by piece', () => {
  it('CRC-32 and SHA-256 over uneven pieces', () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const cuts = [0, 1, 63, 64, 65, 1000, 1024 * 1024, 2 * 1024 * 1024 + 3, data.length];
    let portable = CRC32_START;
    let native = CRC32_START;
    const soft = softwareSha256();
    const fast = nodeSha256();
    for (let i = 1; i < cuts.length; i++) {
      const piece = data.subarray(cuts[i - 1], cuts[i]);
      portable = crc32Update(portable, piece);
      native = nodeCrc32(native, piece);
      soft.update(piece);
      fast.update(piece);
    }
    expect(crc32Finish(native)).toBe(crc32(data));
    expect(crc32Finish(portable)).toBe(crc32(data));
    expect(soft.digestHex()).toBe(fast.digestHex());
  });
});

describe('a streamed package through files', () => {
  it('is written atomically, passes unzip -t, and its photos come back as files; a refused one leaves none', async () => {
    const member = panel.members[1]!;
    const photos = [randomBytes(2 * 1024 * 1024 + 5), randomBytes(300)];
    const now = new Date(Date.UTC(2026, 5, 2));
    const work = await demoWork({ random: seededRandom(3), assignment: panel.assignment, expert: member.card, startedAt: now, photos });
    const built = await buildScoresheet(work, panel.assignment, member.card.keyId, now);
    if (!built.ok) throw new Error(built.error.en);
    const bytesOf = (f: (typeof built.value.files)[number]) => f.source.read(0, f.source.size);
    const sources = await Promise.all(built.value.files.map(async (f) => {
      const path = join(dir, `photo-${f.entry.slice(6)}`);
      writeFileSync(path, await bytesOf(f));
      return { entry: f.entry, path };
    }));
    const opened = await Promise.all(sources.map(async (s) => ({ entry: s.entry, source: await openFileSource(s.path) })));
    const file = join(dir, 'sheet.zqa');
    const sink = await AtomicFileSink.create(file);
    const written = await writePackageStream(
      { type: 'scoresheet', content: built.value.content, blobs: opened, subject: panel.subject, revision: 1, createdAt: now, sender: { name: member.facts.name, keys: member.keys }, recipients: [panel.members[0]!.card, member.card] },
      // Sealed by Node's cipher, opened below by the portable WebCrypto one: the same format.
      { sink, sha256: nodeSha256, crc32: nodeCrc32, chunkCipher: nodeChunkCipher },
    );
    if (!written.ok) throw new Error(written.error.message);
    await sink.commit();
    for (const o of opened) await (o.source).close();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    execFileSync('unzip', ['-tq', file]);

    const options = { keys: panel.members[0]!.keys, trust: panel.memberTrust, accept: ['scoresheet' as const], history: NO_HISTORY, held: panelHeld(panel), sha256: nodeSha256, crc32: nodeCrc32 };
    const source = await openFileSource(file);
    const out = join(dir, 'imported');
    const imported = await importPackageStream(source, options, folderAttachmentStore(out));
    await source.close();
    if (!imported.ok) throw new Error(imported.error.message);
    for (const f of built.value.files) expect(readFileSync(imported.value.blobs.get(f.entry)!).equals(Buffer.from(await bytesOf(f)))).toBe(true);

    // A byte of the last photo changed: refused after the other files were written; none is kept.
    expect(readdirSync(out).length).toBe(built.value.files.length);
    const bad = new Uint8Array(readFileSync(file));
    const entries = readStoredZip(bad, STREAMED_PACKAGE_LIMITS);
    if (!entries.ok) throw new Error(entries.error.message);
    const last = entries.value.find((e) => e.name === built.value.files.at(-1)!.entry)!;
    bad[last.data.byteOffset + 40]! ^= 1;
    const refusedOut = join(dir, 'refused');
    const refused = await importPackageStream(memorySource(bad), options, folderAttachmentStore(refusedOut));
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('entry-altered');
    expect(readdirSync(refusedOut)).toEqual([]);
  });
});
