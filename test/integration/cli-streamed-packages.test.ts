import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWork } from '../../cli/lib/demo-content.js';
import { AtomicFileSink, nodeCrc32, nodeSha256 } from '../../node/file-stream.js';
import { nodeChunkCipher } from '../../node/node-chunk-cipher.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import { writePackageStream } from '../../shared/packages/stream/write-package-stream.js';
import { buildScoresheet } from '../../shared/workflow/build-scoresheet.js';
import { makePanel } from '../unit/packages-fixture.js';

// `zqa verify` and `zqa open` on a format-3 package far larger than the memory the command may
// use: each runs in its own Node process (a small JS heap, too) that reports its peak resident
// memory at exit. Loading the command line alone takes some (tsx, every command's modules: the
// baseline, measured the same way); reading the package may add at most GROWTH_LIMIT_MB, under a
// third of the package's size, so reading it whole could not pass.
const PHOTOS = 200;
const PHOTO_BYTES = 1_600_000;
const GROWTH_LIMIT_MB = 100;
const PASSPHRASE = 'streamed-packages-test';

const root = mkdtempSync(join(tmpdir(), 'zqa-cli-stream-'));
const file = join(root, 'scoresheet.zqa');
const keyFile = join(root, 'leader.zqakey');
let photoSha: string[] = [];
let baselineMB = Number.NaN;
const growth = (peakMB: number) => peakMB - baselineMB;

/** Runs the command line in a fresh process; returns its output and its peak resident memory. */
function zqaProcess(args: string[]): Promise<{ code: number; out: string; err: string; peakMB: number }> {
  // VmHWM, the peak of this process's own memory: maxRSS would carry over the peak of the
  // process it was forked from (this test's, which holds the photos) across the exec.
  const peak = 'data:text/javascript,import{readFileSync}from"node:fs";process.on("exit",()=>process.stderr.write("peak-rss-kb "+/VmHWM:\\s*(\\d+)/.exec(readFileSync("/proc/self/status","utf8"))[1]+"\\n"))';
  return new Promise((resolve) => {
    execFile(process.execPath, ['--max-old-space-size=96', '--import', peak, 'cli/zqa.mjs', ...args], { env: { ...process.env, ZQA_PASSPHRASE: PASSPHRASE }, maxBuffer: 1024 * 1024 }, (error, out, err) => {
      const kb = /peak-rss-kb (\d+)/.exec(err);
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err: err.replace(/peak-rss-kb \d+\n/, ''), peakMB: kb ? Number(kb[1]) / 1024 : Number.NaN });
    });
  });
}

beforeAll(async () => {
  const panel = await makePanel(5, 7);
  const [leader, expert] = panel.members as [(typeof panel.members)[0], (typeof panel.members)[0]];
  writeFileSync(keyFile, await sealKeyBackup(leader.material, PASSPHRASE));
  const photos = Array.from({ length: PHOTOS }, () => randomFillSync(new Uint8Array(PHOTO_BYTES)));
  const now = new Date(Date.UTC(2026, 5, 3));
  const work = await demoWork({ random: seededRandom(4), assignment: panel.assignment, expert: expert.card, startedAt: now, photos });
  const built = await buildScoresheet(work, panel.assignment, expert.card.keyId, now);
  if (!built.ok) throw new Error(built.error.en);
  photoSha = built.value.content.attachments.map((a) => a.sha256);
  const sink = await AtomicFileSink.create(file);
  const written = await writePackageStream(
    {
      type: 'scoresheet', content: built.value.content, blobs: built.value.files,
      subject: panel.subject, revision: 1, createdAt: now, sender: { name: expert.facts.name, keys: expert.keys }, recipients: [leader.card, expert.card],
    },
    { sink, sha256: nodeSha256, crc32: nodeCrc32, chunkCipher: nodeChunkCipher },
  );
  if (!written.ok) throw new Error(written.error.message);
  await sink.commit(false);
  // The command line loaded and refusing a missing file: its memory before any package.
  const idle = await zqaProcess(['verify', join(root, 'missing.zqa')]);
  expect(idle.err).toMatch(/cannot read/);
  baselineMB = idle.peakMB;
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a package larger than the memory the command line may use', () => {
  it('is big enough that holding it would break the bound', () => {
    expect(statSync(file).size / 1e6).toBeGreaterThan(3 * GROWTH_LIMIT_MB);
    expect(baselineMB).toBeGreaterThan(0);
  });

  it('is verified by `zqa verify` a piece at a time, with its content and history', async () => {
    const r = await zqaProcess(['verify', file, '--identity', keyFile]);
    console.log(`zqa verify --identity: peak ${r.peakMB.toFixed(0)} MB, baseline ${baselineMB.toFixed(0)} MB, package ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/good scoresheet r1 .*signature and 203 entries checked.*content checked, history of \d+ entries intact/);
    expect(growth(r.peakMB)).toBeLessThan(GROWTH_LIMIT_MB);
  }, 300_000);

  it('is opened by `zqa open`, every file written as it is decrypted, each one the photo it was', async () => {
    const out = join(root, 'opened');
    const r = await zqaProcess(['open', file, '--identity', keyFile, '--out', out]);
    console.log(`zqa open: peak ${r.peakMB.toFixed(0)} MB, baseline ${baselineMB.toFixed(0)} MB`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(growth(r.peakMB)).toBeLessThan(GROWTH_LIMIT_MB);
    const files = readdirSync(join(out, 'files')).sort();
    expect(files.length).toBe(photoSha.length);
    // Two of them compared in full (hashing all 320 MB again would only slow the test).
    for (const i of [2, files.length - 1]) {
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(readFileSync(join(out, 'files', files[i]!))).digest('hex')).toBe(photoSha[i]);
    }
  }, 300_000);

  it('altered in its last photo, is refused by both with its code, and `zqa open` keeps nothing', async () => {
    const handle = await open(file, 'r+');
    const { size } = await handle.stat();
    // A byte of the last photo's data (the manifest, its signature and the directory come after it).
    const at = size - 40_000;
    const byte = new Uint8Array(1);
    await handle.read(byte, 0, 1, at);
    await handle.write(new Uint8Array([byte[0]! ^ 0x10]), 0, 1, at);
    await handle.close();
    const verified = await zqaProcess(['verify', file]);
    expect(verified.code).toBe(1);
    expect(verified.err).toMatch(/refused: entry-altered: .*"blobs\/0202"/);
    expect(growth(verified.peakMB)).toBeLessThan(GROWTH_LIMIT_MB);
    const out = join(root, 'refused');
    const opened = await zqaProcess(['open', file, '--identity', keyFile, '--out', out]);
    expect(opened.code).toBe(1);
    expect(opened.err).toMatch(/refused: entry-altered: .*"blobs\/0202"/);
    expect(growth(opened.peakMB)).toBeLessThan(GROWTH_LIMIT_MB);
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  }, 300_000);
});
