import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobAttachmentStore, blobSource } from '../../renderer/src/host/blob-stream.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { MemorySink } from '../../shared/packages/stream/byte-io.js';
import { importPackageStream } from '../../shared/packages/stream/import-package-stream.js';
import { writePackageStream } from '../../shared/packages/stream/write-package-stream.js';
import { buildScoresheet } from '../../shared/workflow/build-scoresheet.js';
import { demoWork } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { makePanel, panelHeld, type Panel } from './packages-fixture.js';

let panel: Panel;
beforeAll(async () => {
  panel = await makePanel(5);
});

describe('streamed packages in the browser host: a File read by slices, attachments as Blobs', () => {
  it('writes from Blobs and imports to Blobs of the right type and bytes; a cut file is refused', async () => {
    const member = panel.members[1]!;
    const now = new Date(Date.UTC(2026, 5, 2));
    const photo = randomBytes(1024 * 1024 + 4000);
    const work = await demoWork({ random: seededRandom(4), assignment: panel.assignment, expert: member.card, startedAt: now, photos: [photo] });
    const built = await buildScoresheet(work, panel.assignment, member.card.keyId, now);
    if (!built.ok) throw new Error(built.error.en);
    const sink = new MemorySink();
    const written = await writePackageStream(
      {
        type: 'scoresheet', content: built.value.content, subject: panel.subject, revision: 1, createdAt: now,
        blobs: await Promise.all(built.value.files.map(async (f) => ({ entry: f.entry, source: blobSource(new Blob([(await f.source.read(0, f.source.size)) as Uint8Array<ArrayBuffer>])) }))),
        sender: { name: member.facts.name, keys: member.keys }, recipients: [panel.members[0]!.card, member.card],
      },
      { sink },
    );
    if (!written.ok) throw new Error(written.error.message);
    const file = new Blob([sink.bytes() as Uint8Array<ArrayBuffer>]);
    const options = { keys: panel.members[0]!.keys, trust: panel.memberTrust, accept: ['scoresheet' as const], history: NO_HISTORY, held: panelHeld(panel) };
    const imported = await importPackageStream(blobSource(file), options, blobAttachmentStore());
    if (!imported.ok) throw new Error(imported.error.message);
    const ref = built.value.content.attachments.at(-1);
    const got = imported.value.blobs.get(ref!.entry)!;
    expect(got.type).toBe(ref!.mediaType);
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
    const cut = await importPackageStream(blobSource(file.slice(0, file.size - 1)), options, blobAttachmentStore());
    expect(cut.ok ? 'accepted' : cut.error.code).toBe('truncated');
  });
});
