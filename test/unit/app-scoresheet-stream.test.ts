import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../cli/lib/demo-participant.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { pickSource, readIntoBlob, saveThroughSink } from '../../renderer/src/host/handle-stream.js';
import { importIncoming } from '../../renderer/src/packages/incoming.js';
import { packageBlob, wholePackage } from '../../renderer/src/packages/package-file.js';
import { addAttachment } from '../../renderer/src/workspaces/expert/store/attachment-writes.js';
import { recordDeclaration } from '../../renderer/src/workspaces/expert/store/declaration-writes.js';
import { exportScoresheet } from '../../renderer/src/workspaces/expert/store/export-scoresheet.js';
import { CHUNK_BYTES, CHUNK_OVERHEAD } from '../../shared/packages/stream/chunk-cipher.js';
import { mainFilesBridge } from '../support/handle-files.js';
import { freshDatabase } from './db-test-helpers.js';
import { assignmentPackage, makePanel, type Panel } from './packages-fixture.js';

/**
 * The app's own scoresheet export and import, end to end over the main process's real file
 * functions (test/support/handle-files.ts): an expert's review with about 200 MB of photos is
 * exported by the expert's store through the save-by-handle calls, the leader picks the file
 * and imports it through the one registry of incoming types. Every photo comes back identical,
 * and no call across the bridge moved more than one sealed chunk.
 */
const NOW = new Date('2026-06-03T08:00:00.000Z');
const SEALED_CHUNK = CHUNK_BYTES + CHUNK_OVERHEAD;
let dir: string;
let panel: Panel;
let leader: Participant;
let expert: Participant;
let expertDb: ZqaDatabase;
let leaderDb: ZqaDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zqa-app-stream-'));
  panel = await makePanel(5, 23);
  [leader, expert] = [panel.members[0]!, panel.members[1]!];
  const assignment = packageBlob(await assignmentPackage(panel, 1));
  expertDb = freshDatabase();
  leaderDb = freshDatabase();
  for (const [db, p] of [[expertDb, expert], [leaderDb, leader]] as const) {
    await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
    const r = await importIncoming({ db, keys: p.keys, keyId: p.card.keyId, now: () => NOW, fileName: '' }, assignment, ['assignment']);
    if (!r.ok) throw new Error(r.error.en);
  }
});
afterAll(() => {
  expertDb.close();
  leaderDb.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the app’s scoresheet streamed through the bridge', () => {
  it('exports a review with 200 MB of photos and imports it on the leader’s device, every photo identical, no call larger than one sealed chunk', async () => {
    const reviewId = panel.assignment.panel.id;
    const ctx = { db: expertDb, actor: expert.card.keyId, now: () => NOW };
    await recordDeclaration(ctx, reviewId, { conflict: false });
    const photos = new Map<string, string>();
    for (let i = 0; i < 4; i++) {
      // Just under the app's 50 MiB limit a photo, and not a whole number of chunks.
      const bytes = randomBytes(50 * 1024 * 1024 - 1000 - i);
      const id = await addAttachment(ctx, reviewId, '4.1.2', { name: `现场照片-${i + 1}.jpg`, type: 'image/jpeg', blob: new Blob([bytes]) });
      photos.set(id, sha256(bytes));
    }

    const target = join(dir, '评分表.zqa');
    const { files, largest } = mainFilesBridge({ save: target, open: target });
    const exported = await exportScoresheet(expertDb, reviewId, {
      keys: expert.keys,
      deviceKeyId: expert.card.keyId,
      saveInto: (suggestedName, write) => saveThroughSink(files, { kind: 'package', suggestedName }, write),
      now: NOW,
    });
    expect(exported).toEqual({ ok: true, value: { kind: 'saved', revision: 1, savedAs: target } });
    expect(statSync(target).size).toBeGreaterThan(200 * 1024 * 1024);
    expect(readdirSync(dir)).toEqual(['评分表.zqa']);

    const picked = await pickSource(files, 'package');
    if (!picked.ok || !picked.value) throw new Error('not picked');
    const file = await readIntoBlob(picked.value);
    await picked.value.close();
    const imported = await importIncoming({ db: leaderDb, keys: leader.keys, keyId: leader.card.keyId, now: () => NOW, fileName: picked.value.name }, file, ['scoresheet']);
    expect(imported).toMatchObject({ ok: true, value: { type: 'scoresheet', memberKeyId: expert.card.keyId, revision: 1 } });

    const sheet = (await leaderDb.memberScoresheets.get([reviewId, expert.card.keyId]))!;
    // The package kept as the Blob it was read from, byte for byte the file.
    const fileSha = sha256(new Uint8Array(await file.arrayBuffer()));
    expect(sheet.packageBytes).toBeInstanceOf(Blob);
    expect(sha256(await wholePackage(sheet.packageBytes))).toBe(fileSha);
    expect(Object.keys(sheet.attachments).sort()).toEqual([...photos.keys()].sort());
    for (const [id, digest] of photos) expect(sha256(new Uint8Array(await sheet.attachments[id]!.arrayBuffer()))).toBe(digest);
    expect((await leaderDb.receivedPackages.get(sheet.manifestSha256))?.bytes).toBeInstanceOf(Blob);

    // Each slice across the bridge was at most one sealed chunk, and they did come a chunk at a time.
    expect(largest.append).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.patch).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.read).toBeLessThanOrEqual(SEALED_CHUNK);
    expect(largest.append).toBeGreaterThanOrEqual(CHUNK_BYTES);
  }, 240_000);
});
