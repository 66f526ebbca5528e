import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Participant } from '../../cli/lib/demo-participant.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import type { OpenedFile } from '../../shared/bridge/contract.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { importMany, type ImportEntry } from '../../renderer/src/packages/import-many.js';
import { importIncoming } from '../../renderer/src/packages/incoming.js';
import { ANY_PACKAGE } from '../../renderer/src/packages/incoming-types.js';
import { freshDatabase } from './db-test-helpers.js';
import { assignmentPackage, makePanel, scoresheetPackage, scoresheetRevision, type Panel, type WrittenScoresheet } from './packages-fixture.js';
import { packageBlob } from '../../renderer/src/packages/package-file.js';

/**
 * Many files at once (the leader's board, a folder from a USB stick, a drop on the window):
 * each file on its own through the one registry, one summary of what came of each; a bad
 * file is refused with its reason and neither stops nor half-applies the others.
 */
const NOW = new Date('2026-06-03T08:00:00.000Z');
let panel: Panel;
let assignment: Uint8Array;
let sheetA: WrittenScoresheet;
let sheetB1: WrittenScoresheet;
let sheetB2: WrittenScoresheet;
beforeAll(async () => {
  panel = await makePanel(5, 21);
  assignment = await assignmentPackage(panel);
  sheetA = await scoresheetPackage(panel, panel.members[1]!, { seed: 3 });
  sheetB1 = await scoresheetPackage(panel, panel.members[2]!, { seed: 4 });
  const item = sheetB1.content.items.find((i) => i.percent !== null)!;
  sheetB2 = await scoresheetRevision(panel, panel.members[2]!, sheetB1, { revision: 2, changes: [{ itemId: item.itemId, to: item.percent === 50 ? 55 : 50 }] });
});

let db: ZqaDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await db.trustAnchor.put({ id: 'secretariat', card: panel.secretariat.card, packageBytes: new Uint8Array([1]), confirmedAt: NOW.toISOString() });
});
afterEach(() => db.close());

const file = (name: string, bytes: Uint8Array): OpenedFile => ({ name, bytes });
async function device(p: Participant) {
  const keyId = await keyIdOf(fromBase64((await p.keys.publicKeys()).signingKey));
  return (bytes: Uint8Array, fileName: string) => importIncoming({ db, keys: p.keys, keyId, now: () => NOW, fileName }, packageBlob(bytes), ANY_PACKAGE);
}
const brief = (e: ImportEntry) => ({
  file: e.fileName,
  verdict: e.verdict,
  ...('outcome' in e ? { type: e.outcome.type, routed: e.routed } : {}),
  ...('error' in e ? { code: e.error.package?.code ?? e.error.code } : {}),
  ...('fault' in e ? { fault: e.fault.code } : {}),
});

describe('importing many files at once', () => {
  it('on the leader’s board: counts imported, already there, superseded and refused, each with its reason, and keeps only what verified', async () => {
    const leader = await device(panel.members[0]!);
    expect((await leader(assignment, 'assignment.zqa')).ok).toBe(true);
    const corrupt = sheetA.bytes.slice();
    corrupt[Math.floor(corrupt.length / 2)]! ^= 0x01;
    const summary = await importMany(
      {
        files: [
          file('a.zqa', sheetA.bytes),
          file('corrupt.zqa', corrupt),
          file('b1.zqa', sheetB1.bytes),
          file('notes.zqa', new TextEncoder().encode('meeting notes')),
          file('a-again.zqa', sheetA.bytes),
          file('b2.zqa', sheetB2.bytes),
          file('b1-late.zqa', sheetB1.bytes),
        ],
        skipped: [{ name: 'huge.zqa', code: 'too-large', message: 'too large' }],
      },
      ['scoresheet', 'countersignature'],
      leader,
    );
    expect(summary.entries.map(brief)).toEqual([
      { file: 'huge.zqa', verdict: 'refused', fault: 'too-large' },
      { file: 'a.zqa', verdict: 'imported', type: 'scoresheet', routed: false },
      { file: 'corrupt.zqa', verdict: 'refused', code: expect.stringMatching(/hash|signature|container|zip|entry/) as unknown },
      { file: 'b1.zqa', verdict: 'imported', type: 'scoresheet', routed: false },
      { file: 'notes.zqa', verdict: 'refused', code: 'not-a-package' },
      { file: 'a-again.zqa', verdict: 'duplicate', code: 'duplicate' },
      { file: 'b2.zqa', verdict: 'superseded', type: 'scoresheet', routed: false },
      // An older revision after the newer one: refused, the newer one stays.
      { file: 'b1-late.zqa', verdict: 'refused', code: 'stale-revision' },
    ]);
    expect(summary.counts).toEqual({ imported: 2, superseded: 1, duplicate: 1, refused: 4 });
    // Every refusal carries its reason in both languages.
    for (const e of summary.entries) if ('error' in e) expect(e.error.zh.length * e.error.en.length).toBeGreaterThan(0);
    // What is held: A at revision 1 and B at revision 2, nothing of the refused files.
    const held = (await db.memberScoresheets.toArray()).map((s) => [s.memberKeyId, s.revision]).sort();
    expect(held).toEqual([[panel.members[1]!.card.keyId, 1], [panel.members[2]!.card.keyId, 2]].sort());
    expect(await db.receivedPackages.count()).toBe(4);
  });

  it('routes a package to where it belongs on this device, and refuses one this device has no place for with where to import it', async () => {
    // A member who does not lead: the assignment offered on the countersign page is taken as
    // an assignment; the member's own scoresheet (copied back from the stick) has no place here.
    const member = await device(panel.members[1]!);
    const before = await db.memberScoresheets.count();
    const summary = await importMany({ files: [file('assignment.zqa', assignment), file('sheet.zqa', sheetA.bytes)], skipped: [] }, ['report-for-signing'], member);
    expect(summary.entries.map(brief)).toEqual([
      { file: 'assignment.zqa', verdict: 'imported', type: 'assignment', routed: true },
      { file: 'sheet.zqa', verdict: 'refused', code: 'wrong-type' },
    ]);
    const refusal = summary.entries[1]!;
    if (!('error' in refusal)) throw new Error('expected a refusal');
    expect(refusal.error.zh).toBe('这是一份专家评分表，不能在此处导入。请在组长电脑“评审组长”页的“导入评分表与会签”导入。');
    expect(refusal.error.en).toContain('Panel leader');
    expect(await db.memberScoresheets.count()).toBe(before);
    expect(await db.reviews.count()).toBe(1);
  });

  it('a step that throws refuses that file only', async () => {
    const leader = await device(panel.members[0]!);
    let n = 0;
    const flaky = (bytes: Uint8Array, name: string) => (n++ === 0 ? Promise.reject(new Error('disk went away')) : leader(bytes, name));
    const summary = await importMany({ files: [file('first.zqa', assignment), file('second.zqa', assignment)], skipped: [] }, ['assignment'], flaky);
    expect(summary.entries.map(brief)).toEqual([
      { file: 'first.zqa', verdict: 'refused', fault: 'internal' },
      { file: 'second.zqa', verdict: 'imported', type: 'assignment', routed: false },
    ]);
  });
});
