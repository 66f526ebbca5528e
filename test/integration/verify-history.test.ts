import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../cli/lib/demo-participant.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { assemblePackage, writePackage } from '../../shared/packages/write-package.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { makePanel, scoresheetPackage, type Panel, type WrittenScoresheet } from '../unit/packages-fixture.js';
import { runZqa } from './run-zqa.js';

/**
 * Import and `zqa verify` re-check each scoresheet's hash-chained history and name
 * the first broken link. The forgery here is the one a signature cannot catch: the owner
 * edits an old score in their own history and signs the package again.
 */
const PASSPHRASE = 'verify-history-test';
let panel: Panel;
let dir: string;
let good: WrittenScoresheet;
let tampered: Uint8Array;
const keyFile = new Map<Participant, string>();

const zqa = (args: string[]) => runZqa(args, { ZQA_PASSPHRASE: PASSPHRASE });

/** The owner's own scoresheet with history entry 2's score changed, then signed again. */
async function editedAndResigned(sheet: WrittenScoresheet, member: Participant): Promise<Uint8Array> {
  const history = sheet.content.history.map((e) => ({ ...e }));
  const second = history[1]!;
  second.to = second.to === 100 ? 95 : (second.to ?? 0) + 5;
  const content: ScoresheetContent = { ...sheet.content, history };
  const r = await assemblePackage({
    type: 'scoresheet', subject: panel.subject, revision: 2, sender: { name: member.facts.name, keys: member.keys },
    recipients: [panel.members[0]!.card, panel.secretariat.card, member.card],
    entries: [{ name: 'content.json', bytes: canonicalJsonBytes(content) }, ...sheet.blobs.map((b) => ({ name: b.ref.entry, bytes: b.bytes }))],
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.bytes;
}

async function panelReturnWith(sheets: Uint8Array[]): Promise<Uint8Array> {
  const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
  const blobs = await prepareBlobs([
    { fileName: '评审报告.pdf', mediaType: 'application/pdf', bytes: pdf },
    ...sheets.map((bytes, i) => ({ fileName: `scoresheet-${i + 1}.zqa`, mediaType: 'application/vnd.zqa.package', bytes })),
  ]);
  const leader = panel.members[0]!;
  const r = await writePackage({
    type: 'panel-return',
    content: {
      ...panel.subject, consensus: newConsensusRecord(panel.assignment.criteriaSet), recommendation: 'not-recommended', reportText: '评审组意见',
      report: { ...blobs[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: sheets.map((_, i) => ({ expertKeyId: panel.members[i]!.card.keyId, package: { ...blobs[1 + i]!.ref, mediaType: 'application/vnd.zqa.package' } })),
      countersignatures: [], absences: [], returnedAt: '2026-06-05T10:00:00.000Z',
    },
    blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject: panel.subject, revision: 1,
    sender: { name: leader.facts.name, keys: leader.keys }, recipients: [panel.secretariat.card, leader.card],
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.bytes;
}

beforeAll(async () => {
  panel = await makePanel(5);
  dir = mkdtempSync(join(tmpdir(), 'zqa-history-'));
  for (const p of [panel.secretariat, panel.members[0]!]) {
    const path = join(dir, `${p.card.keyId}.zqakey`);
    writeFileSync(path, await sealKeyBackup(p.material, PASSPHRASE));
    keyFile.set(p, path);
  }
  const member = panel.members[2]!;
  good = await scoresheetPackage(panel, member);
  expect(good.content.history.length).toBeGreaterThan(2);
  tampered = await editedAndResigned(good, member);
  writeFileSync(join(dir, 'good.zqa'), good.bytes);
  writeFileSync(join(dir, 'tampered.zqa'), tampered);
  const others = await Promise.all([0, 1].map(async (i) => (await scoresheetPackage(panel, panel.members[i]!)).bytes));
  writeFileSync(join(dir, 'return-good.zqa'), await panelReturnWith([...others, good.bytes]));
  writeFileSync(join(dir, 'return-tampered.zqa'), await panelReturnWith([...others, tampered]));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a scoresheet whose history was edited and re-signed by its owner', () => {
  it('is refused on import with the first broken link named', async () => {
    const r = await importPackage(tampered, { keys: panel.members[0]!.keys, trust: panel.memberTrust, accept: ['scoresheet'], history: NO_HISTORY, held: null });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('history-broken');
    expect(r.error.historyBreak).toEqual({ seq: 2, problem: 'hash' });
    expect(r.error.detail).toMatch(/first broken link at seq 2 \(hash\): history entry 2 was changed after it was written/);
  });

  it('is refused inside a panel return, naming the member and the link', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'return-tampered.zqa')));
    const r = await importPackage(bytes, { keys: panel.secretariat.keys, trust: panel.memberTrust, accept: ['panel-return'], history: NO_HISTORY, held: null });
    expect(r.ok ? 'accepted' : r.error.code).toBe('history-broken');
    if (!r.ok) expect(r.error.detail).toContain(`scoresheet of ${panel.members[2]!.card.keyId}: first broken link at seq 2 (hash)`);
    const fine = await importPackage(new Uint8Array(readFileSync(join(dir, 'return-good.zqa'))), { keys: panel.secretariat.keys, trust: panel.memberTrust, accept: ['panel-return'], history: NO_HISTORY, held: null });
    expect(fine.ok && fine.value.panelReturn?.scoresheets.length).toBe(3);
  });

  it('passes `zqa verify` without a key (the signature is good) but says the history was not checked', async () => {
    const r = await zqa(['verify', join(dir, 'tampered.zqa')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/score history not checked \(encrypted: give --identity KEYFILE\)/);
  });

  it('is refused by `zqa verify --identity` with the broken seq named; the untouched one passes', async () => {
    const leaderKey = keyFile.get(panel.members[0]!)!;
    const bad = await zqa(['verify', join(dir, 'tampered.zqa'), '--identity', leaderKey]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/refused: history-broken: .*first broken link at seq 2 \(hash\)/);
    const fine = await zqa(['verify', join(dir, 'good.zqa'), '--identity', leaderKey]);
    expect(fine.err).toBe('');
    expect(fine.out).toMatch(new RegExp(`history of ${good.content.history.length} entries intact`));
  });

  it('is refused by `zqa verify --identity` inside a panel return', async () => {
    const secretariatKey = keyFile.get(panel.secretariat)!;
    const bad = await zqa(['verify', join(dir, 'return-tampered.zqa'), '--identity', secretariatKey]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/refused: history-broken: .*scoresheet of [0-9a-f]{32}: first broken link at seq 2 \(hash\)/);
    const fine = await zqa(['verify', join(dir, 'return-good.zqa'), '--identity', secretariatKey]);
    expect(fine.code).toBe(0);
    expect(fine.out).toMatch(/3 nested scoresheets with \d+ history entries intact/);
  });
});
