import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../cli/lib/demo-participant.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { importReportForSigning } from '../../renderer/src/workspaces/countersign/store/member-countersign.js';
import { importIncoming } from '../../renderer/src/packages/incoming.js';
import { loadTrustStore } from '../../renderer/src/packages/trust-from-db.js';
import { receivePanelReturn } from '../../renderer/src/workspaces/secretariat/store/receive-panel-return.js';
import type { SecretariatSelf } from '../../renderer/src/workspaces/secretariat/store/secretariat-identity.js';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { writeStoredZip } from '../../shared/packages/zip-write.js';
import { PACKAGE_ERROR_TEXT, type PackageErrorCode } from '../../shared/packages/errors.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { dumpDatabase, freshDatabase } from './db-test-helpers.js';
import { countersignaturePackage, finishedConsensus, memberPackages, panelReturnPackage, REPORT_PDF, rewrittenHistory, scoresheetAs, signedAs, type ReturnParts } from './joints-fixture.js';
import { assignmentPackage, makePanel, resign, scoresheetPackage, scoresheetRevision, type Panel, type WrittenScoresheet } from './packages-fixture.js';
import { packageBlob } from '../../renderer/src/packages/package-file.js';

/**
 * Every joint between people, through the app's own importers (the stores over a real Dexie
 * database on fake IndexedDB): each hostile package is genuinely signed by a key of the panel,
 * refused with its own code, and leaves every table exactly as it was.
 */
const NOW = new Date('2026-06-03T08:00:00.000Z');
let panel: Panel;
let leader: Participant;
let expert: Participant;
let colleague: Participant;
let sheet: WrittenScoresheet;
beforeAll(async () => {
  panel = await makePanel(5, 21);
  [leader, expert, colleague] = [panel.members[0]!, panel.members[1]!, panel.members[2]!];
  sheet = await scoresheetPackage(panel, expert, { seed: 3 });
}, 60_000);

let db: ZqaDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

/** Runs an import that must be refused and checks that not one row changed; returns the code. */
async function refusedUnchanged(run: () => Promise<{ ok: true } | { ok: false; error: unknown }>): Promise<string> {
  const before = await dumpDatabase(db);
  const result = await run();
  expect(await dumpDatabase(db)).toEqual(before);
  if (result.ok) return 'accepted';
  // The workflow's steps wrap the package error (WorkflowError's `package`); the member's importer returns it as it is.
  const e = result.error as { package?: { code: string; detail: string }; code?: string; detail?: string };
  const error = e.package ?? e;
  return error.code ? `${error.code}: ${error.detail ?? ''}` : JSON.stringify(e);
}

/** An import through the app's one registry of incoming package types, as this device. */
async function importAs(device: Participant, bytes: Uint8Array, accept: ('assignment' | 'scoresheet')[] = ['scoresheet']) {
  return importIncoming({ db, keys: device.keys, keyId: device.card.keyId, now: () => NOW, fileName: 'file.zqa' }, packageBlob(bytes), accept);
}

describe('the leader’s device receiving scoresheets', () => {
  beforeEach(async () => {
    await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
    const assigned = await importAs(leader, await assignmentPackage(panel), ['assignment']);
    expect(assigned.ok).toBe(true);
  });


  it('shows the sender by the roster’s name, and refuses a manifest naming a colleague', async () => {
    const posing = await scoresheetAs(panel, expert, sheet, sheet.content, { senderName: colleague.facts.name });
    expect(await refusedUnchanged(() => importAs(leader, posing))).toMatch(new RegExp(`^sender-name-mismatch: the manifest names "${colleague.facts.name}"; key ${expert.card.keyId} belongs to "${expert.card.name}"`));
    expect((await importAs(leader, sheet.bytes)).ok).toBe(true);
    expect((await db.receivedPackages.toArray()).filter((p) => p.type === 'scoresheet').map((p) => p.senderName)).toEqual([expert.card.name]);
  });

  it('refuses a scoresheet of another cycle or applicant under the same panel id; the member’s genuine revisions still land', async () => {
    for (const other of [{ cycleId: 'zqa-2024' }, { applicantId: 'applicant-99' }]) {
      const subject = { ...panel.subject, ...other };
      const foreign = await scoresheetAs(panel, expert, sheet, { ...sheet.content, ...subject }, { subject, revision: 5 });
      expect(await refusedUnchanged(() => importAs(leader, foreign))).toMatch(/^wrong-subject: a scoresheet for cycle .*; this device holds panel .* for cycle /);
    }
    expect((await importAs(leader, sheet.bytes)).ok).toBe(true);
    const r2 = await scoresheetRevision(panel, expert, sheet, { revision: 2, changes: [{ itemId: '4.1.2', to: 40 }] });
    expect(await importAs(leader, r2.bytes)).toMatchObject({ ok: true, value: { revision: 2, superseded: true } });
  });

  it('refuses a scoresheet whose current score is not its history’s last entry', async () => {
    const items = sheet.content.items.map((i, n) => (n === 0 ? { ...i, percent: i.percent === 100 ? 95 : (i.percent ?? 0) + 5 } : i));
    const edited = await scoresheetAs(panel, expert, sheet, { ...sheet.content, items });
    expect(await refusedUnchanged(() => importAs(leader, edited))).toMatch(/^score-not-in-history: item 4\.1\.2 is scored \d+, its last history entry says \d+/);
  });

  it('refuses a new revision that rewrites the history already received, chain recomputed and re-signed', async () => {
    expect((await importAs(leader, sheet.bytes)).ok).toBe(true);
    const first = sheet.content.history[0]!;
    const rewritten = await rewrittenHistory(sheet.content, first.to === 100 ? 95 : (first.to ?? 0) + 5);
    const r2 = await scoresheetAs(panel, expert, sheet, rewritten, { revision: 2 });
    expect(await refusedUnchanged(() => importAs(leader, r2))).toMatch(/^history-rewritten: scoresheet revision 2 of [0-9a-f]+: history entry 1 differs from the one received before/);
    const shorter = await scoresheetAs(panel, expert, sheet, { ...sheet.content, history: [], items: sheet.content.items.map((i) => ({ ...i, percent: null })) }, { revision: 3 });
    expect(await refusedUnchanged(() => importAs(leader, shorter))).toMatch(/^history-rewritten: .*the history stops at entry 0/);
  });

  it('refuses a byte-order mark before the manifest or inside the content, and zip flags other than 0x0800', async () => {
    // The edits below assume the manifest first: the in-memory writer's layout (version 2).
    const v2 = await scoresheetPackage(panel, expert, { seed: 3, formatVersion: 2 });
    const withBom = await resignRaw(v2.bytes, expert, (m) => new Uint8Array([0xef, 0xbb, 0xbf, ...m]));
    expect(await refusedUnchanged(() => importAs(leader, withBom))).toMatch(/^not-canonical: manifest\.json holds a byte-order mark \(U\+FEFF\) at byte 0/);
    const content = canonicalJsonBytes(sheet.content);
    const blobs = sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes }));
    const before = await signedAs('scoresheet', expert, null, { panel, contentBytes: new Uint8Array([0xef, 0xbb, 0xbf, ...content]), blobs });
    expect(await refusedUnchanged(() => importAs(leader, before))).toMatch(/^not-canonical: content\.json holds a byte-order mark \(U\+FEFF\) at byte 0/);
    // Inside a string too: "anywhere" means anywhere.
    const named = canonicalJsonBytes({ ...sheet.content, observations: sheet.content.observations.map((o, i) => (i === 0 ? { ...o, text: `\ufeff${o.text}` } : o)) });
    const inside = await signedAs('scoresheet', expert, null, { panel, contentBytes: named, blobs });
    expect(await refusedUnchanged(() => importAs(leader, inside))).toMatch(/^not-canonical: content\.json holds a byte-order mark \(U\+FEFF\) at byte \d+/);
    expect(await refusedUnchanged(() => importAs(leader, withFlags(v2.bytes, 0)))).toMatch(/^malformed-container: central record of "manifest\.json" has unexpected fields/);
  });

  it('refuses a version-1 package as outdated', async () => {
    const v1 = await resign(sheet.bytes, expert.keys, (m) => (m.formatVersion = 1));
    expect(await refusedUnchanged(() => importAs(leader, v1))).toMatch(/^outdated-format-version: format version 1, made before signatures named their purpose/);
  });
});

describe('an expert’s device', () => {
  beforeEach(async () => {
    await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
    const r = await importAs(expert, await assignmentPackage(panel), ['assignment']);
    expect(r.ok).toBe(true);
  });

  it('refuses an assignment reusing its panel id for another cycle, keeping the review it holds', async () => {
    const other = { ...panel.assignment, cycle: { ...panel.assignment.cycle, id: 'zqa-2028', name: '2028年度', year: 2028 } };
    const subject = { ...panel.subject, cycleId: 'zqa-2028' };
    const bytes = await signedAs('assignment', panel.secretariat, other, { panel, subject, senderName: panel.secretariat.facts.name, recipients: [panel.secretariat.card, ...panel.members.map((m) => m.card)] });
    const code = await refusedUnchanged(() => importAs(expert, bytes, ['assignment']));
    expect(code).toMatch(/^wrong-subject: an assignment for cycle zqa-2028, applicant .*; this device holds panel .* for cycle zqa-2026/);
  });

  it('refuses a report for signing of another applicant', async () => {
    const [report] = await prepareBlobs([{ fileName: '现场评审报告.pdf', mediaType: 'application/pdf', bytes: REPORT_PDF }]);
    const subject = { ...panel.subject, applicantId: 'applicant-77' };
    const content = { ...subject, consensus: finishedConsensus(panel), reportText: '报告', report: { ...report!.ref, mediaType: 'application/pdf' }, signers: [expert.card.keyId], sentAt: NOW.toISOString() };
    const bytes = await signedAs('report-for-signing', leader, content, { panel, subject, blobs: [{ entry: report!.ref.entry, bytes: REPORT_PDF }], recipients: [leader.card, expert.card] });
    const trust = (await loadTrustStore(db))!;
    const code = await refusedUnchanged(() => importReportForSigning(bytes, { db, keys: expert.keys, trust, now: NOW, myKeyId: expert.card.keyId }));
    expect(code).toMatch(/^wrong-subject: a report-for-signing for cycle zqa-2026, applicant applicant-77/);
  });
});

describe('the secretariat’s device receiving panel returns', () => {
  let self: SecretariatSelf;
  let sheets: { member: Participant; bytes: Uint8Array; written: WrittenScoresheet }[];
  let agreed: { member: Participant; bytes: Uint8Array }[];
  beforeAll(async () => {
    self = { keys: panel.secretariat.keys, card: panel.secretariat.card, actor: panel.secretariat.facts.name };
    ({ sheets, agreed } = await memberPackages(panel, 40));
  }, 60_000);
  beforeEach(async () => {
    const a = panel.assignment;
    await db.secAssignments.put({ panelId: a.panel.id, cycleId: a.cycle.id, applicantId: a.applicant.id, content: a, packageId: '0'.repeat(32), revision: 1, manifestSha256: '0'.repeat(64), fileName: 'a.zqa', issuedAt: a.issuedAt, issuedBy: 'test' });
  });

  const receive = (bytes: Uint8Array) => receivePanelReturn(db, bytes, 'return.zqa', self);
  async function refusedWith(code: PackageErrorCode, parts: ReturnParts | Uint8Array): Promise<string> {
    const bytes = parts instanceof Uint8Array ? parts : await panelReturnPackage(panel, parts);
    const before = await dumpDatabase(db);
    const r = await receive(bytes);
    expect(await dumpDatabase(db)).toEqual(before);
    expect(r.ok ? 'accepted' : r.error.en).toContain(PACKAGE_ERROR_TEXT[code].en);
    return r.ok ? '' : r.error.en;
  }

  it('takes a complete return and shows a dissent and an absence, each with its reason', async () => {
    const [m1, m2, m3, m4] = panel.members.slice(1) as [Participant, Participant, Participant, Participant];
    const dissent = await countersignaturePackage(panel, m2, { agrees: false, comment: '对4.7.4财务结果的共识评分持保留意见' });
    const bytes = await panelReturnPackage(panel, {
      scoresheets: sheets,
      countersignatures: [agreed[0]!, { member: m2, bytes: dissent }, agreed[2]!],
      absences: [{ member: m4, reason: '因病未能到场' }],
    });
    const r = await receive(bytes);
    if (!r.ok) throw new Error(r.error.en);
    expect([m1, m3].map((m) => m.card.keyId)).toEqual([agreed[0]!.member.card.keyId, agreed[2]!.member.card.keyId]);
    expect(r.value.result.dissents).toEqual([{ name: m2.card.name, reason: '对4.7.4财务结果的共识评分持保留意见' }]);
    expect(r.value.result.absences).toEqual([{ name: m4.card.name, reason: '因病未能到场' }]);
    expect((await db.secSummaries.toArray())[0]!.result.dissents).toHaveLength(1);
    expect((await db.secPanelReturns.toArray())[0]!.signOff?.absences.map((a) => a.name)).toEqual([m4.card.name]);
  });

  it('refuses a return with only the leader’s scoresheet and no countersignatures', async () => {
    expect(await refusedWith('return-incomplete', { scoresheets: [sheets[0]!], countersignatures: [] })).toMatch(/no scoresheet from /);
    expect(await refusedWith('return-incomplete', { scoresheets: sheets, countersignatures: [] })).toMatch(/neither a countersignature nor a recorded absence for /);
  });

  it('refuses a return that leaves out a dissenting countersignature', async () => {
    // The member countersigned with reservations; the leader sends the others and says nothing.
    await countersignaturePackage(panel, panel.members[2]!, { agrees: false, comment: '不同意' });
    const code = await refusedWith('return-incomplete', { scoresheets: sheets, countersignatures: [agreed[0]!, agreed[2]!, agreed[3]!] });
    expect(code).toContain(`neither a countersignature nor a recorded absence for ${panel.members[2]!.card.name}`);
  });

  it('refuses a countersignature over another report, an absence for someone who signed, and a colleague’s name on the return', async () => {
    const other = await countersignaturePackage(panel, panel.members[1]!, { signedPdf: new TextEncoder().encode('%PDF-1.7 another report') });
    expect(await refusedWith('return-part-invalid', { scoresheets: sheets, countersignatures: [{ member: panel.members[1]!, bytes: other }, ...agreed.slice(1)] })).toMatch(/not a valid signature over this report PDF/);
    expect(await refusedWith('return-part-invalid', { scoresheets: sheets, countersignatures: agreed, absences: [{ member: panel.members[1]!, reason: '缺席' }] })).toMatch(/both countersigned and is recorded absent/);
    expect(await refusedWith('sender-name-mismatch', { scoresheets: sheets, countersignatures: agreed, senderName: panel.members[1]!.facts.name })).toMatch(/belongs to/);
  });

  it('refuses a return nesting a scoresheet of another cycle, or one rewriting a history received before', async () => {
    const m = panel.members[1]!;
    const subject = { ...panel.subject, cycleId: 'zqa-2024' };
    const foreign = await scoresheetAs(panel, m, sheets[1]!.written, { ...sheets[1]!.written.content, ...subject }, { subject });
    expect(await refusedWith('wrong-subject', { scoresheets: [sheets[0]!, { member: m, bytes: foreign }, ...sheets.slice(2)], countersignatures: agreed })).toMatch(/scoresheet of [0-9a-f]+: a scoresheet for cycle zqa-2024/);

    const first = await receive(await panelReturnPackage(panel, { scoresheets: sheets, countersignatures: agreed }));
    if (!first.ok) throw new Error(first.error.en);
    const written = sheets[1]!.written;
    const h0 = written.content.history[0]!;
    const rewritten = await scoresheetAs(panel, m, written, await rewrittenHistory(written.content, h0.to === 100 ? 95 : (h0.to ?? 0) + 5), { revision: 2 });
    const again = { scoresheets: [sheets[0]!, { member: m, bytes: rewritten }, ...sheets.slice(2)], countersignatures: agreed, revision: 2 };
    expect(await refusedWith('history-rewritten', again)).toMatch(/history entry 1 differs from the one received before/);
    // The member's genuine next revision extends it, and the corrected return is taken.
    const r2 = await scoresheetRevision(panel, m, written, { revision: 2, changes: [{ itemId: '4.1.2', to: 40 }] });
    const corrected = await receive(await panelReturnPackage(panel, { ...again, scoresheets: [sheets[0]!, { member: m, bytes: r2.bytes }, ...sheets.slice(2)] }));
    expect(corrected.ok ? 'accepted' : corrected.error.en).toBe('accepted');
  });
});

/** The manifest bytes replaced as they are (not canonicalised) and signed again by the sender. */
async function resignRaw(bytes: Uint8Array, signer: Participant, change: (manifest: Uint8Array) => Uint8Array): Promise<Uint8Array> {
  const entries = readStoredZip(bytes, DEFAULT_PACKAGE_LIMITS);
  if (!entries.ok) throw new Error(entries.error.message);
  const manifest = change(entries.value[0]!.data);
  const signature = rawSignatureToDer(await signer.keys.sign({ purpose: 'manifest', data: manifest }));
  return writeStoredZip([{ name: 'manifest.json', data: manifest }, { name: 'manifest.sig', data: signature }, ...entries.value.slice(2)], new Date(Date.UTC(2026, 5, 1)));
}

/** The general-purpose flags of every local and central header set to `flags`, walking the headers (CRCs cover data only). */
function withFlags(bytes: Uint8Array, flags: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    view.setUint16(at + 6, flags, true);
    at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 18, true);
  }
  while (view.getUint32(at, true) === 0x02014b50) {
    view.setUint16(at + 8, flags, true);
    at += 46 + view.getUint16(at + 28, true);
  }
  return out;
}
