import { beforeAll, describe, expect, it } from 'vitest';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import type { PackageErrorCode } from '../../shared/packages/errors.js';
import { importPackage, type ImportOptions } from '../../shared/packages/import-package.js';
import { DEFAULT_PACKAGE_LIMITS, STREAMED_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { memorySource, MemorySink } from '../../shared/packages/stream/byte-io.js';
import { CHUNK_BYTES, CHUNK_OVERHEAD } from '../../shared/packages/stream/chunk-cipher.js';
import { importPackageStream, type AttachmentStore } from '../../shared/packages/stream/import-package-stream.js';
import { writePackageStream } from '../../shared/packages/stream/write-package-stream.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { writeStoredZip } from '../../shared/packages/zip-write.js';
import { concatBytes, sha256Hex } from '../../shared/util/bytes.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { buildScoresheet } from '../../shared/workflow/build-scoresheet.js';
import { demoWork } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { makePanel, panelHeld, type Panel } from './packages-fixture.js';

/** A photo of `n` bytes that differ from one another (so a moved chunk is a different chunk). */
const photo = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 10)) & 0xff);
const SEALED_CHUNK = CHUNK_BYTES + CHUNK_OVERHEAD;

let panel: Panel;
let options: ImportOptions;
let photos: Uint8Array[];
let v3: Uint8Array;

/** A store that keeps bytes in memory and counts what it was asked to keep and to throw away. */
function countingStore() {
  const counts = { begun: 0, finished: 0, discarded: 0 };
  const store: AttachmentStore<Uint8Array> = {
    begin: () => {
      counts.begun++;
      const sink = new MemorySink();
      return {
        write: (b) => sink.write(b),
        finish: () => (counts.finished++, Promise.resolve(sink.bytes())),
        discard: () => (counts.discarded++, Promise.resolve()),
      };
    },
  };
  return { store, counts };
}

beforeAll(async () => {
  panel = await makePanel(5);
  // 2.5 chunks, exactly one chunk, and a small one: every shape of a last chunk.
  photos = [photo(Math.round(2.5 * CHUNK_BYTES), 1), photo(CHUNK_BYTES, 2), photo(1000, 3)];
  const member = panel.members[2]!;
  const startedAt = new Date(Date.UTC(2026, 5, 2));
  const work = await demoWork({ random: seededRandom(5), assignment: panel.assignment, expert: member.card, startedAt, photos });
  const built = await buildScoresheet(work, panel.assignment, member.card.keyId, startedAt);
  if (!built.ok) throw new Error(built.error.en);
  const sink = new MemorySink();
  const written = await writePackageStream(
    {
      type: 'scoresheet',
      content: built.value.content,
      blobs: built.value.files,
      subject: panel.subject,
      revision: 1,
      createdAt: startedAt,
      sender: { name: member.facts.name, keys: member.keys },
      recipients: [panel.members[0]!.card, panel.secretariat.card, member.card],
    },
    { sink },
  );
  if (!written.ok) throw new Error(written.error.message);
  v3 = sink.bytes();
  expect(written.value.bytes).toBe(v3.length);
  options = { keys: panel.members[0]!.keys, trust: panel.memberTrust, accept: ['scoresheet'], history: NO_HISTORY, held: panelHeld(panel) };
});

/** The entries of a version-3 package, one replaced, the manifest's hashes updated and signed again by `signer`. */
async function resignV3(bytes: Uint8Array, signer: KeyHolder, replace: Record<string, Uint8Array>): Promise<Uint8Array> {
  const entries = readStoredZip(bytes, STREAMED_PACKAGE_LIMITS);
  if (!entries.ok) throw new Error(entries.error.message);
  const byName = new Map<string, Uint8Array>(entries.value.map((e) => [e.name, e.data.slice()]));
  for (const [name, data] of Object.entries(replace)) byName.set(name, data);
  const manifest = JSON.parse(new TextDecoder().decode(byName.get('manifest.json'))) as { entries: { name: string; size: number; sha256: string }[] };
  for (const e of manifest.entries) {
    e.size = byName.get(e.name)!.length;
    e.sha256 = await sha256Hex(byName.get(e.name)!);
  }
  const manifestBytes = canonicalJsonBytes(manifest);
  byName.set('manifest.json', manifestBytes);
  byName.set('manifest.sig', rawSignatureToDer(await signer.sign({ purpose: 'manifest', data: manifestBytes })));
  return writeStoredZip([...byName].map(([name, data]) => ({ name, data })), new Date(Date.UTC(2026, 5, 1)));
}

const entryOf = (bytes: Uint8Array, name: string) => {
  const entries = readStoredZip(bytes, STREAMED_PACKAGE_LIMITS);
  if (!entries.ok) throw new Error(entries.error.message);
  return entries.value.find((e) => e.name === name)!.data.slice();
};
const chunk = (sealed: Uint8Array, i: number) => sealed.slice(i * SEALED_CHUNK, (i + 1) * SEALED_CHUNK);
const join = (...parts: Uint8Array[]) => concatBytes(parts);

describe('a package of format version 3, written and read a chunk at a time', () => {
  it('round-trips every photo through the streamed writer and reader, and the in-memory reader reads it too', async () => {
    const { store, counts } = countingStore();
    const r = await importPackageStream(memorySource(v3), options, store);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.manifest.formatVersion).toBe(3);
    expect(counts).toEqual({ begun: 5, finished: 5, discarded: 0 }); // the demo's two photos and these three
    const mine = [...r.value.blobs.values()].slice(2);
    const got = mine.map((b) => Array.from(b.subarray(0, 64)).join() + b.length);
    expect(got).toEqual(photos.map((p) => Array.from(p.subarray(0, 64)).join() + p.length));
    for (const [i, b] of mine.entries()) expect(await sha256Hex(b)).toBe(await sha256Hex(photos[i]!));
    const whole = await importPackage(v3, options);
    if (!whole.ok) throw new Error(whole.error.message);
    expect(whole.value.content).toEqual(r.value.content);
    // Entries first, the manifest and its signature last; photo 1 sealed in 3 chunks.
    const names = (readStoredZip(v3, DEFAULT_PACKAGE_LIMITS) as { ok: true; value: { name: string; data: Uint8Array }[] }).value.map((e) => e.name);
    expect(names).toEqual(['content.json', 'blobs/0001', 'blobs/0002', 'blobs/0003', 'blobs/0004', 'blobs/0005', 'manifest.json', 'manifest.sig']);
    expect(entryOf(v3, 'blobs/0003').length).toBe(photos[0]!.length + 3 * CHUNK_OVERHEAD);
    expect(entryOf(v3, 'blobs/0004').length).toBe(CHUNK_BYTES + CHUNK_OVERHEAD);
  });

  // Each variant is signed again by the sender, so the manifest's hashes hold: only the
  // chunk layer can catch it. Both readers refuse it with the same code, and nothing is kept.
  const sender = () => panel.members[2]!.keys;
  const cases: [string, () => Promise<Uint8Array>, PackageErrorCode, RegExp][] = [
    ['chunks reordered', async () => {
      const e = entryOf(v3, 'blobs/0003');
      return resignV3(v3, sender(), { 'blobs/0003': join(chunk(e, 1), chunk(e, 0), e.slice(2 * SEALED_CHUNK)) });
    }, 'decrypt-failed', /"blobs\/0003": chunk 1 of 3 does not decrypt/],
    ['a bit flipped in the last chunk', async () => {
      const e = entryOf(v3, 'blobs/0003');
      e[e.length - 100]! ^= 0x04;
      return resignV3(v3, sender(), { 'blobs/0003': e });
    }, 'decrypt-failed', /chunk 3 of 3/],
    ['cut at a chunk boundary (one chunk fewer)', async () => {
      const e = entryOf(v3, 'blobs/0003');
      return resignV3(v3, sender(), { 'blobs/0003': e.slice(0, 2 * SEALED_CHUNK) });
    }, 'chunk-count-wrong', /chunk 2 of 2 is not marked as the last/],
    ['a chunk appended after the last', async () => {
      const e = entryOf(v3, 'blobs/0004');
      return resignV3(v3, sender(), { 'blobs/0004': join(e, entryOf(v3, 'blobs/0005')) });
    }, 'chunk-count-wrong', /chunk 1 of 2 is marked as the last, but more chunks follow/],
    ['a last chunk cut shorter than its IV and tag', async () => {
      const e = entryOf(v3, 'blobs/0003');
      return resignV3(v3, sender(), { 'blobs/0003': e.slice(0, 2 * SEALED_CHUNK + 20) });
    }, 'chunk-malformed', /shorter than its IV and tag/],
    ['a chunk from another entry', () => resignV3(v3, sender(), { 'blobs/0004': chunk(entryOf(v3, 'blobs/0003'), 0) }), 'decrypt-failed', /"blobs\/0004": chunk 1 of 1/],
    ['a byte of content.json changed without signing again', () => {
      const copy = v3.slice();
      copy[5000]! ^= 1;
      return Promise.resolve(copy);
    }, 'entry-altered', /"content\.json": CRC-32 mismatch/],
    ['a photo changed and its CRC-32 made to match, without signing again', () => {
      const e = entryOf(v3, 'blobs/0003');
      e[10]! ^= 1;
      const entries = readStoredZip(v3, STREAMED_PACKAGE_LIMITS);
      if (!entries.ok) throw new Error(entries.error.message);
      return Promise.resolve(writeStoredZip(entries.value.map((x) => ({ name: x.name, data: x.name === 'blobs/0003' ? e : x.data })), new Date(Date.UTC(2026, 5, 1))));
    }, 'entry-altered', /"blobs\/0003" does not match its SHA-256/],
  ];
  for (const [what, make, code, detail] of cases) {
    it(`refuses ${what} (${code}) and keeps nothing`, async () => {
      const bytes = await make();
      const { store, counts } = countingStore();
      const r = await importPackageStream(memorySource(bytes), options, store);
      expect(r.ok ? 'accepted' : r.error.code).toBe(code);
      if (!r.ok) expect(r.error.detail).toMatch(detail);
      expect(counts.finished).toBe(0);
      expect(counts.discarded).toBe(counts.begun);
      const whole = await importPackage(bytes, options);
      expect(whole.ok ? 'accepted' : whole.error.code).toBe(code);
    });
  }

  it('refuses oversize entries from their declared sizes, before reading them', async () => {
    const { store, counts } = countingStore();
    const small = { ...STREAMED_PACKAGE_LIMITS, maxEntryBytes: CHUNK_BYTES };
    const r = await importPackageStream(memorySource(v3), { ...options, limits: small }, store);
    expect(r.ok ? 'accepted' : r.error.code).toBe('entry-too-large');
    const tight = { ...STREAMED_PACKAGE_LIMITS, maxContentJsonBytes: 100 };
    const c = await importPackageStream(memorySource(v3), { ...options, limits: tight }, store);
    expect(c.ok ? 'accepted' : c.error.detail).toMatch(/content\.json is \d+ bytes, limit 100/);
    const file = await importPackageStream(memorySource(v3), { ...options, limits: { ...STREAMED_PACKAGE_LIMITS, maxFileBytes: 1000 } }, store);
    expect(file.ok ? 'accepted' : file.error.code).toBe('file-too-large');
    expect(counts.begun).toBe(0);
  });

  it('reads a version-2 package (whole entries) through the same call', async () => {
    const { scoresheetPackage, scoresheetRevision } = await import('./packages-fixture.js');
    // The app's export writes version 3; a revision made by the in-memory writer is version 2.
    const v3 = await scoresheetPackage(panel, panel.members[3]!, { photos: [photo(5000, 9)] });
    const v2 = await scoresheetRevision(panel, panel.members[3]!, v3, { revision: 2, changes: [] });
    const { store, counts } = countingStore();
    const r = await importPackageStream(memorySource(v2.bytes), options, store);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.manifest.formatVersion).toBe(2);
    expect(counts.finished).toBe(3);
  });
});
