// Export and import of a scoresheet with 200 photos (~300 MB) through the real package code,
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
  const { demoAssignment, demoScoresheet } = await lib('cli/lib/demo-content.ts');
  const { seededRandom } = await lib('cli/lib/seeded-random.ts');
  const { writeFileAtomic } = await lib('cli/lib/atomic-write.ts');
  const { writePackage } = await lib('shared/packages/write-package.ts');
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
    const sheet = await demoScoresheet({ random: seededRandom(2), assignment, expert: expert.card, startedAt: new Date(), photos });
    const file = join(dir, 'scoresheet.zqa');

    let t = performance.now();
    const written = await writePackage({
      type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
      subject: { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id }, revision: 1,
      sender: { name: expert.facts.name, keys: expert.keys }, recipients: [members[0].card, secretariat.card, expert.card],
    });
    if (!written.ok) throw new Error(written.error.message);
    await writeFileAtomic(file, written.value.bytes);
    const exportMs = performance.now() - t;
    const sizeMB = written.value.bytes.length / 1e6;
    written.value.bytes = null;

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
      { id: 'export.ms', name: `package export (${label}), incl. atomic write`, value: Math.round(exportMs), unit: 'ms' },
      { id: 'import.pairMs', name: `sha256sum + unzip -t of the same file`, value: Math.round(baselineMs), unit: 'ms' },
      { id: 'import.ms', name: `package import (${label}): verify, decrypt, validate`, value: Math.round(importMs), unit: 'ms' },
      { id: 'import.peakMB', name: 'package export + import: peak resident memory', value: Math.round(peakRss / 1e6), unit: 'MB' },
    ];
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}
