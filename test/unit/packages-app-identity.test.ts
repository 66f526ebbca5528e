import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { AnchorChangeRefused, lastFingerprintGroup } from '../../renderer/src/device/anchor-change.js';
import { recordCardExport, saveTrustAnchor, writeDeviceCard } from '../../renderer/src/workspaces/identity/store/identity-card-files.js';
import { readSecretariatCard as readAnchorCard } from '../../shared/workflow/enrol-expert.js';
import type { DeviceProfileRecord } from '../../renderer/src/db/identity-records.js';
import { reviewAssignmentFromContent } from '../../renderer/src/packages/assignment-review.js';
import { loadTrustStore } from '../../renderer/src/packages/trust-from-db.js';
import { freshDatabase } from './db-test-helpers.js';
import { assignmentPackage, makePanel } from './packages-fixture.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { EMPTY_TRUST_STORE } from '../../shared/identity/trust-store.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';

let secretariat: Participant;
let expert: Participant;
beforeAll(async () => {
  secretariat = await createParticipant({ name: '秘书处王芳', organisation: '秘书处', role: 'secretariat' });
  expert = await createParticipant({ name: '李明', organisation: '河南省质量协会', role: 'expert' });
});
let db: ZqaDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const cardBytes = async (p: Participant) => {
  const r = await writeCardPackage(p, new Date('2026-06-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.error.en);
  return r.value.bytes;
};

describe('the trust anchor', () => {
  it('reads the secretariat’s card and, once stored, trusts it for assignments', async () => {
    const bytes = await cardBytes(secretariat);
    const card = await readAnchorCard(bytes);
    expect(card).toEqual({ ok: true, value: secretariat.card });
    expect(await loadTrustStore(db)).toBeNull();
    await saveTrustAnchor(db, secretariat.card, bytes);
    const trust = await loadTrustStore(db);
    expect(trust?.anchorKeyId).toBe(secretariat.card.keyId);
    expect(trust?.keys.get(secretariat.card.keyId)?.role).toBe('secretariat');
  });

  it('refuses an expert’s card, a tampered card and another package type', async () => {
    expect(await readAnchorCard(await cardBytes(expert))).toMatchObject({ ok: false, error: { code: 'untrusted-signer' } });
    const tampered = (await cardBytes(secretariat)).slice();
    tampered[tampered.length - 120]! ^= 0x04;
    expect((await readAnchorCard(tampered)).ok).toBe(false);
    const panel = await makePanel(5, 2);
    expect(await readAnchorCard(await assignmentPackage(panel))).toMatchObject({ ok: false, error: { code: 'wrong-type' } });
  });

  it('no longer lets rosters signed by a replaced anchor vouch for anyone', async () => {
    const panel = await makePanel(5, 4);
    await saveTrustAnchor(db, panel.secretariat.card, new Uint8Array([1]));
    await db.panelAssignments.put({ reviewId: panel.assignment.panel.id, panelId: panel.assignment.panel.id, leaderKeyId: panel.members[0]!.card.keyId, revision: 1, manifestSha256: 'x', content: panel.assignment, receivedAt: '' });
    expect((await loadTrustStore(db))?.keys.has(panel.members[1]!.card.keyId)).toBe(true);
    await saveTrustAnchor(db, secretariat.card, new Uint8Array([2]), { typedLastGroup: lastFingerprintGroup(secretariat.card.fingerprint) });
    expect((await loadTrustStore(db))?.keys.has(panel.members[1]!.card.keyId)).toBe(false);
  });

  it('is replaced by another card only when the last group of its fingerprint is typed in', async () => {
    const other = await createParticipant({ name: '另一秘书处', organisation: '秘书处', role: 'secretariat' });
    await saveTrustAnchor(db, secretariat.card, new Uint8Array([1]));
    const group = lastFingerprintGroup(other.card.fingerprint);
    for (const typed of [undefined, '', '00000', group.slice(0, 4), lastFingerprintGroup(secretariat.card.fingerprint)]) {
      await expect(saveTrustAnchor(db, other.card, new Uint8Array([2]), { typedLastGroup: typed }), String(typed)).rejects.toBeInstanceOf(AnchorChangeRefused);
      expect((await db.trustAnchor.get('secretariat'))?.card.keyId).toBe(secretariat.card.keyId);
    }
    await saveTrustAnchor(db, secretariat.card, new Uint8Array([3])); // the same card again needs nothing typed
    const fullWidth = [...group].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    await saveTrustAnchor(db, other.card, new Uint8Array([4]), { typedLastGroup: ` ${fullWidth} ` });
    expect((await db.trustAnchor.get('secretariat'))?.card.keyId).toBe(other.card.keyId);
  });
});

describe('the device’s identity card', () => {
  it('is a card package the secretariat can read, with a revision counting up per saved export', async () => {
    const profile: DeviceProfileRecord = { id: 'device', name: '李明', organisation: '河南省质量协会', role: 'expert', keyId: expert.card.keyId, fingerprint: expert.card.fingerprint, createdAt: '', updatedAt: '' };
    await db.deviceProfile.put(profile);
    const first = await writeDeviceCard(profile, expert.keys);
    if (!first.ok) throw new Error(first.error.en);
    expect(first.value.revision).toBe(1);
    const read = await importPackage(first.value.bytes, { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'], history: NO_HISTORY, held: null });
    expect(read.ok && read.value.content).toEqual(expert.card);
    await recordCardExport(db, first.value.revision);
    const second = await writeDeviceCard((await db.deviceProfile.get('device'))!, expert.keys);
    expect(second.ok && second.value.revision).toBe(2);
  });
});

describe('an assignment as the review screens show it', () => {
  it('fills what the package may leave empty and takes the on-site days from the schedule or the issue date', async () => {
    const { assignment } = await makePanel(5, 6);
    const sparse = { ...assignment, applicant: { ...assignment.applicant, industry: '', address: ' ', contact: '', profile: '' }, schedule: [] };
    const review = reviewAssignmentFromContent(sparse);
    if (!review.ok) throw new Error(review.error);
    expect(review.value.applicant).toMatchObject({ industry: '—', address: '—', contactName: '—', contactPhone: '—', summary: '—' });
    expect(review.value.schedule).toEqual({ from: assignment.issuedAt.slice(0, 10), to: assignment.issuedAt.slice(0, 10) });
    expect(review.value.panel.map((m) => m.id)).toEqual(assignment.panel.members.map((m) => m.keyId));
    const full = reviewAssignmentFromContent(assignment);
    expect(full.ok && full.value.schedule.from).toBe([...assignment.schedule.map((s) => s.date)].sort()[0]);
  });

  it('refuses what the review shape cannot hold, saying which field', async () => {
    const { assignment } = await makePanel(5, 6);
    const bad = reviewAssignmentFromContent({ ...assignment, applicant: { ...assignment.applicant, creditCode: 'not-a-code' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/applicant\.creditCode/);
  });
});
