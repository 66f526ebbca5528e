// Run by packages.bench.mjs in a fresh Node process per step, so each step's peak resident
// memory (the process's maxRSS) is its own: `prepare DIR PHOTOS PHOTO_BYTES` makes a panel,
// an expert's scoresheet content with PHOTOS random photos and the photos as files (not
// measured: in the app they are already stored); `export DIR` writes the scoresheet package
// from those files by the app's own step (shared/workflow/export-scoresheet.ts, each photo a
// file source with its stored SHA-256, as the app's are Blobs with theirs); `import DIR` reads it back through the
// streamed importer as the panel's leader, each photo to a file, with the CPU time (every
// thread of the process) it took. `bridge-export DIR` and `bridge-import DIR` do the same through
// the desktop app's path: the renderer's ByteSink and ByteSource over the bridge's files by
// handle (renderer/src/host/handle-stream.ts), each call through main's handler (zod-checked)
// into main's file service, in one process as IPC would join them; their peak is both
// processes' share of the package. Prints JSON on stdout.
import { randomFillSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createParticipant } from '../cli/lib/demo-participant.ts';
import { demoAssignment, demoWork } from '../cli/lib/demo-content.ts';
import { seededRandom } from '../cli/lib/seeded-random.ts';
import { AtomicFileSink, folderAttachmentStore, nodeCrc32, nodeSha256, openFileSource } from '../node/file-stream.ts';
import { nodeChunkCipher } from '../node/node-chunk-cipher.ts';
import { createFileService } from '../electron/files/file-service.ts';
import { bridgeHandler } from '../electron/ipc/bridge-handler.ts';
import { APP_ENTRY_URL } from '../electron/security/app-origin.ts';
import { pickSource, saveThroughSink } from '../renderer/src/host/handle-stream.ts';
import { DEFAULT_SETTINGS } from '../shared/bridge/contract.ts';
import { appendSliceArgsSchema, beginSaveArgsSchema, fileHandleArgsSchema, openFileArgsSchema, patchSliceArgsSchema, readSliceArgsSchema } from '../shared/bridge/contract-schemas.ts';
import { softwareKeyHolder } from '../shared/crypto/key-holder.ts';
import { importIdentityKeyPairs } from '../shared/crypto/keys.ts';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../shared/identity/roster-trust.ts';
import { heldRecordsFrom } from '../shared/packages/held-records.ts';
import { NO_HISTORY } from '../shared/packages/revision.ts';
import { importPackageStream } from '../shared/packages/stream/import-package-stream.ts';
import { buildScoresheet } from '../shared/workflow/build-scoresheet.ts';
import { exportScoresheet } from '../shared/workflow/export-scoresheet.ts';
import { fromBase64, toBase64 } from '../shared/util/bytes.ts';

const [mode, dir, photoCount, photoBytes] = process.argv.slice(2);
// The peak of this process's own memory: Linux's VmHWM. maxRSS (the fallback elsewhere) carries
// over the peak of the process this one was forked from, the bench runner, across the exec.
const peakMB = () => {
  const hwm = existsSync('/proc/self/status') ? /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8')) : null;
  return Math.round(((hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) * 1024) / 1e6);
};
const worldFile = join(dir, 'world.json');

async function keysOf(saved) {
  return softwareKeyHolder(await importIdentityKeyPairs(fromBase64(saved.signingPkcs8), fromBase64(saved.encryptionPkcs8)));
}

/** Main's file service with its dialogs answering `path`, behind main's own handler for each handle call. */
function bridgeFiles(path) {
  const service = createFileService({
    dialogs: { showOpen: () => Promise.resolve(path), showOpenMany: () => Promise.resolve([]), showSave: () => Promise.resolve(path) },
    settings: { get: () => DEFAULT_SETTINGS, set: () => DEFAULT_SETTINGS, rememberFolder: () => undefined },
    defaultFolder: dir,
  });
  const event = { senderFrame: { url: APP_ENTRY_URL, parent: null } };
  const via = (schema, run) => (args) => bridgeHandler(schema, run)(event, args);
  return {
    openHandle: via(openFileArgsSchema, (a) => service.openHandle(a)),
    read: via(readSliceArgsSchema, service.read),
    close: via(fileHandleArgsSchema, service.close),
    beginSave: via(beginSaveArgsSchema, (a) => service.beginSave(a)),
    append: via(appendSliceArgsSchema, service.append),
    patch: via(patchSliceArgsSchema, service.patch),
    commit: via(fileHandleArgsSchema, service.commit),
    abort: via(fileHandleArgsSchema, service.abort),
  };
}

if (mode === 'prepare') {
  const secretariat = await createParticipant({ name: '秘书处', organisation: '秘书处', role: 'secretariat' });
  const members = [];
  for (let i = 0; i < 5; i++) members.push(await createParticipant({ name: `专家${i + 1}`, organisation: '郑州大学', role: i === 0 ? 'leader' : 'expert' }));
  const assignment = await demoAssignment({ random: seededRandom(1), secretariat: secretariat.card, secretariatKeys: secretariat.keys, members: members.map((m) => m.card), issuedAt: new Date() });
  const photos = Array.from({ length: Number(photoCount) }, () => randomFillSync(new Uint8Array(Number(photoBytes))));
  const expert = members[1];
  const now = new Date();
  const work = await demoWork({ random: seededRandom(2), assignment, expert: expert.card, startedAt: now, photos });
  const built = await buildScoresheet(work, assignment, expert.card.keyId, now);
  if (!built.ok) throw new Error(built.error.en);
  mkdirSync(join(dir, 'files'));
  for (const f of built.value.files) writeFileSync(join(dir, 'files', f.entry.slice('blobs/'.length)), await f.source.read(0, f.source.size));
  const saved = (p) => ({ signingPkcs8: toBase64(p.material.signingPkcs8), encryptionPkcs8: toBase64(p.material.encryptionPkcs8) });
  // The work without its photos' bytes: the export reads each from its file.
  const { attachments: _photos, ...rest } = work;
  writeFileSync(worldFile, JSON.stringify({ secretariat: secretariat.card, assignment, expert: { ...saved(expert), card: expert.card }, leader: saved(members[0]), work: rest, content: built.value.content, entries: built.value.files.map((f) => f.entry), now: now.toISOString() }));
  process.stdout.write(JSON.stringify({ photos: photos.length }));
} else {
  const world = JSON.parse(readFileSync(worldFile, 'utf8'));
  const file = join(dir, 'scoresheet.zqa');
  const bridged = mode.startsWith('bridge-');
  if (mode === 'export' || mode === 'bridge-export') {
    const keys = await keysOf(world.expert);
    const sources = [];
    for (const a of world.content.attachments) sources.push({ id: a.id, name: a.fileName, type: a.mediaType, caption: a.caption, itemId: a.itemId, sha256: a.sha256, source: await openFileSource(join(dir, 'files', a.entry.slice('blobs/'.length))) });
    const { assignment } = world;
    const t = performance.now();
    const prepared = await exportScoresheet({ work: { ...world.work, attachments: sources }, assignment, previous: null }, { keys, clock: { now: () => new Date(world.now) }, myKeyId: world.expert.card.keyId });
    if (!prepared.ok) throw new Error(prepared.error.en);
    const write = (sink) => prepared.value.write(sink, { sha256: nodeSha256, crc32: nodeCrc32, chunkCipher: nodeChunkCipher });
    let written;
    if (bridged) {
      const saved = await saveThroughSink(bridgeFiles(file), { kind: 'package', suggestedName: 'scoresheet.zqa' }, write);
      if (!saved.ok || !saved.value) throw new Error(`not saved: ${JSON.stringify(saved)}`);
      written = { ok: true, value: saved.value.value };
    } else {
      const sink = await AtomicFileSink.create(file);
      written = await write(sink);
      if (!written.ok) {
        await sink.abandon();
        throw new Error(written.error.en);
      }
      await sink.commit();
    }
    const ms = performance.now() - t;
    for (const s of sources) await s.source.close();
    process.stdout.write(JSON.stringify({ ms, peakMB: peakMB(), bytes: written.value.size }));
  } else if (mode === 'import' || mode === 'bridge-import') {
    const keys = await keysOf(world.leader);
    const trust = trustAssignmentRoster(trustStoreFromAnchorCard(world.secretariat), world.assignment);
    const held = heldRecordsFrom({ assignments: [world.assignment] });
    const t = performance.now();
    const cpu = process.cpuUsage();
    const picked = bridged ? await pickSource(bridgeFiles(file), 'package') : null;
    if (picked && (!picked.ok || !picked.value)) throw new Error(`not opened: ${JSON.stringify(picked)}`);
    const source = picked ? picked.value : await openFileSource(file);
    const into = join(dir, bridged ? 'bridge-imported' : 'imported');
    const imported = await importPackageStream(source, { keys, trust, accept: ['scoresheet'], history: NO_HISTORY, held, sha256: nodeSha256, crc32: nodeCrc32, chunkCipher: nodeChunkCipher }, folderAttachmentStore(into, false));
    await source.close();
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    if (!imported.ok) throw new Error(imported.error.message);
    if (imported.value.blobs.size !== world.entries.length) throw new Error('not every photo arrived');
    process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, peakMB: peakMB(), files: imported.value.blobs.size }));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}
