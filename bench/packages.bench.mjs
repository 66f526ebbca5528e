// Export and import of a scoresheet with 200 photos (~300 MB) through the workflow's own steps
// (shared/workflow/export-scoresheet.ts: building the content, hashing every photo, writing the
// package; then the importer),
// against `sha256sum` + `unzip -t` of the same file in the same run (the target:
// import within 2× of that pair). Photos are random bytes: they do not compress, as JPEGs
// do not. Memory is reported as the peak resident set size seen while it ran.
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const PHOTOS = 200;
const PHOTO_BYTES = 1_500_000;

export const IDS = ['export.ms', 'import.pairMs', 'import.ms', 'import.peakMB'];

export default async function packagesBench({ root }) {
  const lib = (p) => import(join(root, p));
  const { createParticipant } = await lib('cli/lib/demo-participant.ts');
  const { demoAssignment, demoWork } = await lib('cli/lib/demo-content.ts');
  const { seededRandom } = await lib('cli/lib/seeded-random.ts');
  const { writeFileAtomic } = await lib('cli/lib/atomic-write.ts');
  const { exportScoresheet } = await lib('shared/workflow/export-scoresheet.ts');
  const { importPackage } = await lib('shared/packages/import-package.ts');
  const { NO_HISTORY } = await lib('shared/packages/revision.ts');
  const { trustAssignmentRoster, trustStoreFromAnchorCard } = await lib('shared/identity/roster-trust.ts');

  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  const dir = mkdtempSync(join(tmpdir(), 'zqa-bench-'));
  try {
    const secretariat = await createParticipant({ name: '秘书处', organisation: '秘书处', role: 'secretariat' });
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await createParticipant({ name: `专家${i + 1}`, organisation: '郑州大学', role: i === 0 ? 'leader' : 'expert' }));
    const assignment = await demoAssignment({ random: seededRandom(1), secretariat: secretariat.card, secretariatKeys: secretariat.keys, members: members.map((m) => m.card), issuedAt: new Date() });
    const photos = Array.from({ length: PHOTOS }, () => randomFillSync(new Uint8Array(PHOTO_BYTES)));
    const expert = members[1];
    const work = await demoWork({ random: seededRandom(2), assignment, expert: expert.card, startedAt: new Date(), photos });
    const file = join(dir, 'scoresheet.zqa');

    let t = performance.now();
    const exported = await exportScoresheet({ work, assignment, previous: null }, { keys: expert.keys, clock: { now: () => new Date() }, myKeyId: expert.card.keyId });
    if (!exported.ok) throw new Error(exported.error.en);
    await writeFileAtomic(file, exported.value.written.bytes);
    const exportMs = performance.now() - t;
    const sizeMB = exported.value.written.bytes.length / 1e6;
    exported.value.written.bytes = null;

    const trust = trustAssignmentRoster(trustStoreFromAnchorCard(secretariat.card), assignment);
    t = performance.now();
    const imported = await importPackage(new Uint8Array(readFileSync(file)), { keys: members[0].keys, trust, accept: ['scoresheet'], history: NO_HISTORY });
    const importMs = performance.now() - t;
    if (!imported.ok) throw new Error(imported.error.message);
    if (imported.value.blobs.size !== PHOTOS + 2) throw new Error('not every photo arrived');

    t = performance.now();
    execFileSync('sha256sum', [file], { stdio: 'ignore' });
    execFileSync('unzip', ['-tq', file], { stdio: 'ignore' });
    const baselineMs = performance.now() - t;
    sample();

    const label = `scoresheet, ${PHOTOS} photos, ${sizeMB.toFixed(0)} MB`;
    return [
      { id: 'export.ms', name: `scoresheet export step (${label}): content, photo hashes, package, atomic write`, value: Math.round(exportMs), unit: 'ms' },
      { id: 'import.pairMs', name: `sha256sum + unzip -t of the same file`, value: Math.round(baselineMs), unit: 'ms' },
      { id: 'import.ms', name: `package import (${label}): verify, decrypt, validate`, value: Math.round(importMs), unit: 'ms' },
      { id: 'import.peakMB', name: 'package export + import: peak resident memory', value: Math.round(peakRss / 1e6), unit: 'MB' },
    ];
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}
