import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../cli/lib/demo-participant.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { receiveScoresheet } from '../../shared/workflow/receive-scoresheet.js';
import type { WorkflowError } from '../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { applyScoresheet } from '../../renderer/src/packages/apply-package.js';
import { importIncoming } from '../../renderer/src/packages/incoming.js';
import { dbHeldRecords, dbPackageHistory, loadTrustStore } from '../../renderer/src/packages/trust-from-db.js';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { dumpDatabase as dump, freshDatabase } from './db-test-helpers.js';
import { assignmentPackage, makePanel, scoresheetPackage, type Panel } from './packages-fixture.js';
import { packageBlob, wholePackage } from '../../renderer/src/packages/package-file.js';
import { blobAttachmentStore, blobSource } from '../../renderer/src/host/blob-stream.js';

const NOW = new Date('2026-06-03T08:00:00.000Z');
const deviceKeyId = async (p: Participant) => keyIdOf(fromBase64((await p.keys.publicKeys()).signingKey));

let panel: Panel;
let leader: Participant;
let expert: Participant;
let assignmentR1: Uint8Array;
let assignmentR2: Uint8Array;
beforeAll(async () => {
  panel = await makePanel(5, 7);
  leader = panel.members[0]!;
  expert = panel.members[1]!;
  assignmentR1 = await assignmentPackage(panel, 1);
  assignmentR2 = await assignmentPackage(panel, 2);
});

let db: ZqaDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

async function setAnchor(): Promise<void> {
  await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
}

/** An import through the app's one registry of incoming package types, as this device. */
async function importAs(device: Participant, bytes: Uint8Array, accept: PackageType[] = ['assignment']) {
  return importIncoming({ db, keys: device.keys, keyId: await deviceKeyId(device), now: () => NOW, fileName: 'file.zqa' }, packageBlob(bytes), accept);
}

/** Runs an import that must be refused and checks that not one row changed. */
async function expectRefusedUnchanged(run: () => Promise<{ ok: boolean; error?: WorkflowError }>): Promise<WorkflowError> {
  const before = await dump(db);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(await dump(db)).toEqual(before);
  return result.error!;
}

describe('importing an assignment on an expert’s device', () => {
  it('refuses every package while no trust anchor is set, changing nothing', async () => {
    const failure = await expectRefusedUnchanged(() => importAs(expert, assignmentR1));
    expect(failure.code).toBe('no-anchor');
  });

  it('stores the package, the verified roster and a review in the screens’ shape', async () => {
    await setAnchor();
    const result = await importAs(expert, assignmentR1);
    expect(result).toEqual({ ok: true, value: { type: 'assignment', reviewId: panel.assignment.panel.id, applicantName: panel.assignment.applicant.name, revision: 1, superseded: false } });
    const review = await db.reviews.get(panel.assignment.panel.id);
    expect(review?.source).toBe('assignment');
    expect(review?.expert).toEqual({ id: expert.card.keyId, name: expert.card.name, organisation: expert.card.organisation });
    expect(review?.assignment.panel.find((m) => m.role === 'leader')?.id).toBe(leader.card.keyId);
    expect(review?.assignment.materialReview).toEqual(Object.fromEntries(panel.assignment.materialReview.scores.map((s) => [s.itemId, s.percent])));
    const [received] = await db.receivedPackages.toArray();
    expect(received).toMatchObject({ type: 'assignment', revision: 1, senderKeyId: panel.secretariat.card.keyId, supersededBy: null, reviewId: panel.assignment.panel.id });
    expect(await wholePackage(received!.bytes)).toEqual(assignmentR1);
    expect((await db.panelAssignments.get(panel.assignment.panel.id))?.leaderKeyId).toBe(leader.card.keyId);
    // The roster now vouches for the panel's members on this device.
    const trust = await loadTrustStore(db);
    expect(trust?.keys.get(leader.card.keyId)?.panels).toEqual({ [panel.assignment.panel.id]: 'leader' });
  });

  it('says so when the same package comes twice, and changes nothing', async () => {
    await setAnchor();
    expect((await importAs(expert, assignmentR1)).ok).toBe(true);
    const failure = await expectRefusedUnchanged(() => importAs(expert, assignmentR1));
    expect(failure).toMatchObject({ code: 'package', package: { code: 'duplicate' } });
  });

  it('lets a newer revision supersede (keeping the expert’s scores and the old package), and refuses the older one after it', async () => {
    await setAnchor();
    await importAs(expert, assignmentR1);
    const reviewId = panel.assignment.panel.id;
    await db.itemScores.put({ reviewId, itemId: '4.1.2', percent: 55, updatedAt: NOW.toISOString(), updatedBy: expert.card.keyId });
    const updated = await importAs(expert, assignmentR2);
    expect(updated).toMatchObject({ ok: true, value: { revision: 2, superseded: true } });
    const packages = await db.receivedPackages.orderBy('[seriesId+revision]').toArray();
    expect(packages.map((p) => [p.revision, p.supersededBy])).toEqual([
      [1, packages[1]!.manifestSha256],
      [2, null],
    ]);
    expect((await db.itemScores.get([reviewId, '4.1.2']))?.percent).toBe(55);
    expect((await db.panelAssignments.get(reviewId))?.revision).toBe(2);
    const failure = await expectRefusedUnchanged(() => importAs(expert, assignmentR1));
    expect(failure).toMatchObject({ code: 'package', package: { code: 'stale-revision' } });
  });

  it('refuses a package with one flipped byte, changing nothing', async () => {
    await setAnchor();
    const tampered = assignmentR1.slice();
    tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
    const failure = await expectRefusedUnchanged(() => importAs(expert, tampered));
    expect(failure.code).toBe('package');
  });

  it('refuses an assignment whose roster does not name this device (e.g. opened on the secretariat’s own device)', async () => {
    await setAnchor();
    const failure = await expectRefusedUnchanged(() => importAs(panel.secretariat, assignmentR1));
    expect(failure).toMatchObject({ package: { code: 'not-a-recipient' } });
  });

  it('refuses a scoresheet at the assignment button and on a device that does not lead the panel', async () => {
    await setAnchor();
    await importAs(expert, assignmentR1);
    const sheet = await scoresheetPackage(panel, expert);
    expect(await expectRefusedUnchanged(() => importAs(expert, sheet.bytes))).toMatchObject({ package: { code: 'wrong-type' } });
    const failure = await expectRefusedUnchanged(() => importAs(expert, sheet.bytes, ['assignment', 'scoresheet']));
    expect(failure).toMatchObject({ package: { code: 'wrong-type' } });
    expect(failure.package?.detail).toMatch(/does not lead/);
  });
});

describe('the leader receiving members’ scoresheets', () => {
  beforeEach(async () => {
    await setAnchor();
    expect((await importAs(leader, assignmentR1)).ok).toBe(true);
  });

  it('stores each member’s latest verified scoresheet with its attachments and original bytes', async () => {
    const sheet = await scoresheetPackage(panel, expert, { seed: 3 });
    const result = await importAs(leader, sheet.bytes, ['scoresheet']);
    expect(result).toMatchObject({ ok: true, value: { type: 'scoresheet', memberKeyId: expert.card.keyId, memberName: expert.card.name, revision: 1 } });
    const stored = await db.memberScoresheets.get([panel.assignment.panel.id, expert.card.keyId]);
    expect(stored?.content).toEqual(sheet.content);
    expect(stored?.packageBytes).toBeInstanceOf(Blob);
    expect(await wholePackage(stored!.packageBytes)).toEqual(sheet.bytes);
    for (const b of sheet.blobs) {
      const id = sheet.content.attachments.find((a) => a.entry === b.ref.entry)!.id;
      expect(new Uint8Array(await stored!.attachments[id]!.arrayBuffer())).toEqual(b.bytes);
    }
  });

  it('keeps the older revision in history, refuses it afterwards, and says so for a duplicate', async () => {
    const r1 = await scoresheetPackage(panel, expert, { seed: 3 });
    const r2 = await scoresheetPackage(panel, expert, { seed: 4, previous: r1 });
    await importAs(leader, r1.bytes, ['scoresheet']);
    expect(await importAs(leader, r2.bytes, ['scoresheet'])).toMatchObject({ ok: true, value: { revision: 2, superseded: true } });
    expect((await db.memberScoresheets.get([panel.assignment.panel.id, expert.card.keyId]))?.content).toEqual(r2.content);
    expect((await db.memberScoresheetHistory.toArray()).map((h) => h.revision)).toEqual([1]);
    expect(await expectRefusedUnchanged(() => importAs(leader, r1.bytes, ['scoresheet']))).toMatchObject({ package: { code: 'stale-revision' } });
    expect(await expectRefusedUnchanged(() => importAs(leader, r2.bytes, ['scoresheet']))).toMatchObject({ package: { code: 'duplicate' } });
  });

  it('applies a package once even when two imports of it race past the importer’s check', async () => {
    const sheet = await scoresheetPackage(panel, expert);
    const trust = (await loadTrustStore(db))!;
    const assignmentFor = async (panelId: string) => {
      const held = await db.panelAssignments.where('panelId').equals(panelId).first();
      return held ? { reviewId: held.reviewId, content: held.content } : null;
    };
    const file = packageBlob(sheet.bytes);
    const received = await receiveScoresheet(blobSource(file), { keys: leader.keys, trust, history: dbPackageHistory(db), held: dbHeldRecords(db), myKeyId: leader.card.keyId, assignmentFor }, blobAttachmentStore());
    if (!received.ok) throw new Error(received.error.message);
    const ctx = { deviceKeyId: leader.card.keyId, now: NOW };
    expect((await applyScoresheet(db, received.value, file, ctx)).ok).toBe(true);
    const before = await dump(db);
    expect(await applyScoresheet(db, received.value, file, ctx)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a member’s scoresheet for a panel it has no assignment for (signer unknown there), changing nothing', async () => {
    const otherPanel = await makePanel(5, 9);
    const foreign = await scoresheetPackage(otherPanel, otherPanel.members[1]!);
    const failure = await expectRefusedUnchanged(() => importAs(leader, foreign.bytes, ['scoresheet']));
    expect(failure.code).toBe('package');
  });
});
