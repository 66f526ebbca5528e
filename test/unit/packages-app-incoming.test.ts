import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { importIncoming } from '../../renderer/src/packages/incoming.js';
import { ANY_PACKAGE } from '../../renderer/src/packages/incoming-types.js';
import { settleDemoConsensus } from '../../cli/lib/demo-leader.js';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { countersignReport, receiveReportForSigning } from '../../shared/workflow/countersign-report.js';
import { steppingClock } from '../../shared/workflow/ports/clock.js';
import { produceReport } from '../../shared/workflow/produce-report.js';
import { freshDatabase } from './db-test-helpers.js';
import { assignmentPackage, makePanel, panelHeld, scoresheetPackage, type Panel } from './packages-fixture.js';
import { packageBlob } from '../../renderer/src/packages/package-file.js';

/**
 * The one registry of incoming package types in the app: every import button and every file
 * the OS asked the app to open goes through it; what a device does with each type depends on
 * the device (a card is an expert for the secretariat's pool, an anchor offer elsewhere).
 */
const NOW = new Date('2026-06-03T08:00:00.000Z');
let panel: Panel;
let assignment: Uint8Array;
let card: Uint8Array;
beforeAll(async () => {
  panel = await makePanel(5, 13);
  assignment = await assignmentPackage(panel);
  const written = await writeCardPackage(panel.members[1]!, NOW);
  if (!written.ok) throw new Error(written.error.en);
  card = written.value.bytes;
});

let db: ZqaDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const importAs = (p: Participant, bytes: Uint8Array, accept: readonly PackageType[] = ANY_PACKAGE) =>
  importIncoming({ db, keys: p.keys, keyId: p.card.keyId, now: () => NOW, fileName: 'opened.zqa' }, packageBlob(bytes), accept);

async function count(): Promise<number> {
  let n = 0;
  for (const t of db.tables) n += await t.count();
  return n;
}

describe('the registry of incoming package types', () => {
  it('routes an opened file by its verified type to the step that takes it on this device', async () => {
    const expert = panel.members[1]!;
    await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
    expect(await importAs(expert, assignment)).toMatchObject({ ok: true, value: { type: 'assignment', reviewId: panel.assignment.panel.id, revision: 1 } });
    // A card on an expert's device is an offer of a trust anchor; this one is not the secretariat's.
    expect(await importAs(expert, card)).toMatchObject({ ok: false, error: { package: { code: 'untrusted-signer' } } });
    // Only the secretariat receives panel returns; only a panel's leader receives countersignatures.
    const sheet = await scoresheetPackage(panel, expert);
    expect(await importAs(expert, sheet.bytes)).toMatchObject({ ok: false, error: { package: { code: 'wrong-type', detail: expect.stringMatching(/does not lead/) as unknown } } });
  });

  it('refuses a type the button does not take, a damaged file and a file that is no package, changing nothing', async () => {
    const expert = panel.members[1]!;
    await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
    const before = await count();
    expect(await importAs(expert, assignment, ['countersignature'])).toMatchObject({ ok: false, error: { package: { code: 'wrong-type' } } });
    const damaged = assignment.slice();
    damaged[30]! ^= 0xff;
    expect((await importAs(expert, damaged)).ok).toBe(false);
    expect(await importAs(expert, new TextEncoder().encode('hello'))).toMatchObject({ ok: false, error: { package: { code: 'not-a-package' } } });
    expect(await count()).toBe(before);
  });

  it('says when the device trusts no secretariat yet', async () => {
    expect(await importAs(panel.members[1]!, assignment)).toMatchObject({ ok: false, error: { code: 'no-anchor' } });
    expect(await count()).toBe(0);
  });

  it('takes a card into the pool on the secretariat’s device, once', async () => {
    const s = panel.secretariat;
    await db.deviceProfile.put({ id: 'device', name: s.facts.name, organisation: s.facts.organisation, role: 'secretariat', keyId: s.card.keyId, fingerprint: s.card.fingerprint, createdAt: '', updatedAt: '' });
    expect(await importAs(s, card)).toMatchObject({ ok: true, value: { type: 'identity-card', as: 'expert', name: panel.members[1]!.facts.name } });
    expect((await db.secExperts.toArray()).map((e) => e.keyId)).toEqual([panel.members[1]!.card.keyId]);
    expect(await importAs(s, card)).toMatchObject({ ok: false, error: { code: 'mismatch', en: expect.stringMatching(/already in the pool/) as unknown } });
    expect(await db.secExperts.count()).toBe(1);
  });

  it('refuses a countersignature on the leader’s device that has no report of that panel, changing nothing', { timeout: 30_000 }, async () => {
    const [leader, member] = [panel.members[0]!, panel.members[1]!];
    // The report was produced and countersigned elsewhere (say, on the leader's other laptop).
    const sheets = await Promise.all(panel.members.map(async (m) => (await scoresheetPackage(panel, m)).content));
    const clock = steppingClock(NOW);
    const { consensus } = await settleDemoConsensus(panel.assignment, sheets, {}, { clock, actor: leader.card.keyId });
    const produced = await produceReport(
      { assignment: panel.assignment, scoresheets: sheets, consensus, reportDate: '2026-06-03', leaderKeyId: leader.card.keyId, previous: null },
      { keys: leader.keys, clock, render: (input) => renderReportPdf(input, loadReportFonts()) },
    );
    if (!produced.ok) throw new Error(produced.error.en);
    const held = { forPanel: () => Promise.resolve({ reviewId: 'r', content: panel.assignment }) };
    const got = await receiveReportForSigning(produced.value.rfsPackage, { keys: member.keys, trust: panel.memberTrust, history: NO_HISTORY, assignments: held, held: panelHeld(panel), myKeyId: member.card.keyId });
    if (!got.ok) throw new Error(got.error.message);
    const signed = await countersignReport({ report: got.value.report, assignment: panel.assignment, agrees: true, comment: '', lastRevision: 0 }, { keys: member.keys, clock, myKeyId: member.card.keyId });
    if (!signed.ok) throw new Error(signed.error.en);

    await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
    expect((await importAs(leader, assignment)).ok).toBe(true);
    const before = await count();
    expect(await importAs(leader, signed.value.written.bytes)).toMatchObject({ ok: false, error: { code: 'not-ready' } });
    expect(await importAs(member, signed.value.written.bytes)).toMatchObject({ ok: false, error: { package: { code: 'wrong-type' } } });
    expect(await count()).toBe(before);
  });
});
