import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { writeStoredZip } from '../../shared/packages/zip-write.js';
import { countersignaturePackage, memberPackages, panelReturnPackage, rewrittenHistory, scoresheetAs, type ReturnParts } from '../unit/joints-fixture.js';
import { assignmentPackage, makePanel, resign, scoresheetPackage, scoresheetRevision, type Panel, type WrittenScoresheet } from '../unit/packages-fixture.js';
import { runZqa } from './run-zqa.js';

/**
 * Every joint between people, through `zqa verify`, `zqa open` and `zqa rank`: the same
 * genuinely re-signed hostile packages the app's importers refuse (test/unit/joints-app-importer.test.ts)
 * are refused here with the same code, and `zqa open` refuses whatever `zqa verify` refuses.
 */
const PASSPHRASE = 'joints-cli-test';
let dir: string;
let panel: Panel;
let sheets: { member: Participant; bytes: Uint8Array; written: WrittenScoresheet }[];
let agreed: { member: Participant; bytes: Uint8Array }[];
let trust: string[];

const zqa = (args: string[]) => runZqa(args, { ZQA_PASSPHRASE: PASSPHRASE });

const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zqa-joints-'));
  panel = await makePanel(5, 31);
  const card = await writeCardPackage(panel.secretariat, new Date(Date.UTC(2026, 5, 1)));
  if (!card.ok) throw new Error(card.error.en);
  file('secretariat.zqa', card.value.bytes);
  file('secretariat.zqakey', await sealKeyBackup(panel.secretariat.material, PASSPHRASE));
  file('assignment.zqa', await assignmentPackage(panel));
  trust = ['--trust', join(dir, 'secretariat.zqa'), '--trust', join(dir, 'assignment.zqa'), '--identity', join(dir, 'secretariat.zqakey')];
  ({ sheets, agreed } = await memberPackages(panel, 60));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let opened = 0;
/** `zqa verify` and `zqa open` with the same options: both refuse with `code`, or both accept. */
async function bothRefuse(path: string, code: string, extra: string[] = []): Promise<string> {
  const verify = await zqa(['verify', path, ...trust, ...extra]);
  const open = await zqa(['open', path, ...trust, ...extra, '--out', join(dir, `opened-${++opened}`)]);
  expect(verify.code, verify.out).toBe(1);
  expect(open.code, open.out).toBe(1);
  expect(verify.err).toContain(`refused: ${code}: `);
  expect(open.err).toContain(`refused: ${code}: `);
  // And nothing was written by the refused open.
  expect(readdirSync(dir).includes(`opened-${opened}`) ? readdirSync(join(dir, `opened-${opened}`)) : []).toEqual([]);
  return verify.err;
}

describe('zqa verify and zqa open refuse the same hostile packages', () => {
  it('a manifest naming a colleague as the sender', async () => {
    const [expert, colleague] = [panel.members[1]!, panel.members[2]!];
    const posing = file('posing.zqa', await scoresheetAs(panel, expert, sheets[1]!.written, sheets[1]!.written.content, { senderName: colleague.facts.name }));
    expect(await bothRefuse(posing, 'sender-name-mismatch')).toContain(`belongs to "${expert.card.name}"`);
    // The genuine one is shown under the roster's name, bound to its assignment.
    const good = await zqa(['verify', file('good-sheet.zqa', sheets[1]!.bytes), ...trust]);
    expect(good.out).toMatch(new RegExp(`good scoresheet r1 from ${expert.card.name} .* bound to cycle zqa-2026`));
  });

  it('a scoresheet of another cycle or applicant under the same panel id', async () => {
    for (const other of [{ cycleId: 'zqa-2024' }, { applicantId: 'applicant-42' }]) {
      const subject = { ...panel.subject, ...other };
      const bytes = await scoresheetAs(panel, panel.members[1]!, sheets[1]!.written, { ...sheets[1]!.written.content, ...subject }, { subject });
      expect(await bothRefuse(file(`foreign-${Object.keys(other)[0]}.zqa`, bytes), 'wrong-subject')).toMatch(/this device holds panel .* for cycle zqa-2026/);
    }
  });

  it('a scoresheet whose current score is not its last history entry', async () => {
    const w = sheets[1]!.written;
    const items = w.content.items.map((i, n) => (n === 0 ? { ...i, percent: i.percent === 100 ? 95 : (i.percent ?? 0) + 5 } : i));
    const bytes = await scoresheetAs(panel, panel.members[1]!, w, { ...w.content, items });
    await bothRefuse(file('not-in-history.zqa', bytes), 'score-not-in-history');
  });

  it('a byte-order mark before the manifest, zip flags of 0, a version-1 package', async () => {
    // The edits below assume the manifest first: the in-memory writer's layout (version 2).
    const v2 = (await scoresheetPackage(panel, panel.members[1]!, { seed: 61, formatVersion: 2 })).bytes;
    const entries = readStoredZip(v2, DEFAULT_PACKAGE_LIMITS);
    if (!entries.ok) throw new Error(entries.error.message);
    const manifest = new Uint8Array([0xef, 0xbb, 0xbf, ...entries.value[0]!.data]);
    const signature = rawSignatureToDer(await panel.members[1]!.keys.sign({ purpose: 'manifest', data: manifest }));
    const bom = writeStoredZip([{ name: 'manifest.json', data: manifest }, { name: 'manifest.sig', data: signature }, ...entries.value.slice(2)], new Date(Date.UTC(2026, 5, 1)));
    await bothRefuse(file('bom.zqa', bom), 'not-canonical');
    const flags = v2.slice();
    const view = new DataView(flags.buffer);
    view.setUint16(6, 0, true); // the first local header's flags; the central one still says 0x0800
    await bothRefuse(file('flags.zqa', flags), 'malformed-container');
    await bothRefuse(file('v1.zqa', await resign(v2, panel.members[1]!.keys, (m) => (m.formatVersion = 1))), 'outdated-format-version');
  });

  it('an identity card offered as a scoresheet', async () => {
    expect(await bothRefuse(join(dir, 'secretariat.zqa'), 'wrong-type', ['--type', 'scoresheet'])).toMatch(/identity-card package; expected scoresheet/);
  });

  it('a panel return nesting a countersignature over another report, or missing a member', async () => {
    const other = await countersignaturePackage(panel, panel.members[1]!, { signedPdf: new TextEncoder().encode('%PDF-1.7 another report') });
    const foreign = file('return-other-report.zqa', await panelReturnPackage(panel, { scoresheets: sheets, countersignatures: [{ member: panel.members[1]!, bytes: other }, ...agreed.slice(1)] }));
    expect(await bothRefuse(foreign, 'return-part-invalid')).toMatch(/not a valid signature over this report PDF/);
    const incomplete = file('return-incomplete.zqa', await panelReturnPackage(panel, { scoresheets: [sheets[0]!], countersignatures: [] }));
    expect(await bothRefuse(incomplete, 'return-incomplete')).toMatch(/no scoresheet from /);
  });

  it('a complete return: both accept it, and say who signed with reservations and why', async () => {
    const dissent = await countersignaturePackage(panel, panel.members[2]!, { agrees: false, comment: '对共识总分有保留意见' });
    const path = file('return-good.zqa', await panelReturnPackage(panel, { scoresheets: sheets, countersignatures: [agreed[0]!, { member: panel.members[2]!, bytes: dissent }, agreed[2]!], absences: [{ member: panel.members[4]!, reason: '因病未能到场' }] }));
    const verify = await zqa(['verify', path, ...trust]);
    expect(verify.err).toBe('');
    expect(verify.out).toContain(`every member accounted for (1 with reservations, 1 recorded absent); 有保留意见 ${panel.members[2]!.card.name}: 对共识总分有保留意见; 未会签 ${panel.members[4]!.card.name}: 因病未能到场`);
    const open = await zqa(['open', path, ...trust, '--out', join(dir, 'opened-good')]);
    expect(open.err).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'opened-good', 'content.json'), 'utf8'))).toMatchObject({ absences: [{ reason: '因病未能到场' }] });
  });
});

describe('zqa rank refuses a folder holding a return that fails the joints', () => {
  /** A folder as `zqa demo` lays it out: index.json naming the secretariat's card and key file, then the packages. */
  function folder(name: string, packages: { file: string; type: string; bytes: Uint8Array }[]): string {
    const root = join(dir, name);
    mkdirSync(join(root, 'packages'), { recursive: true });
    writeFileSync(join(root, 'secretariat.zqa'), readFileSync(join(dir, 'secretariat.zqa')));
    writeFileSync(join(root, 'secretariat.zqakey'), readFileSync(join(dir, 'secretariat.zqakey')));
    writeFileSync(join(root, 'packages', 'assignment.zqa'), readFileSync(join(dir, 'assignment.zqa')));
    for (const p of packages) writeFileSync(join(root, p.file), p.bytes);
    const index = {
      passphrase: PASSPHRASE,
      // The cycle's rules as `zqa demo` writes them: a preset and the stated nomination minimum.
      rules: { preset: 'draft-2021', nominationMinimum: 0 },
      participants: [{ name: panel.secretariat.facts.name, role: 'secretariat', identityCard: 'secretariat.zqa', keyFile: 'secretariat.zqakey' }],
      packages: [{ file: 'packages/assignment.zqa', type: 'assignment' }, ...packages.map((p) => ({ file: p.file, type: p.type }))],
    };
    writeFileSync(join(root, 'index.json'), JSON.stringify(index));
    return root;
  }
  const returned = async (parts: Partial<ReturnParts>) => panelReturnPackage(panel, { scoresheets: sheets, countersignatures: agreed, ...parts });

  it('ranks a complete folder, the dissent in its exports', async () => {
    const dissent = await countersignaturePackage(panel, panel.members[3]!, { agrees: false, comment: '建议降为提名奖' });
    const root = folder('good', [{ file: 'packages/return.zqa', type: 'panel-return', bytes: await returned({ countersignatures: [agreed[0]!, agreed[1]!, { member: panel.members[3]!, bytes: dissent }, agreed[3]!] }) }]);
    const r = await zqa(['rank', root, '--json', '--csv', join(root, 'csv')]);
    expect(r.err).toBe('');
    const overview = readFileSync(join(root, 'csv', readdirSync(join(root, 'csv')).find((f) => f.includes('综合评审汇总'))!), 'utf8');
    expect(overview).toContain('会签意见');
    expect(overview).toContain(`有保留意见：${panel.members[3]!.card.name}（建议降为提名奖）`);
  });

  it('an incomplete return, naming the file and the reason', async () => {
    const root = folder('incomplete', [{ file: 'packages/return.zqa', type: 'panel-return', bytes: await returned({ countersignatures: agreed.slice(1) }) }]);
    const r = await zqa(['rank', root, '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`packages/return\\.zqa: refused: return-incomplete: .*neither a countersignature nor a recorded absence for ${panel.members[1]!.card.name}`));
  });

  it('a return whose nested scoresheet rewrites the history of a revision in the folder', async () => {
    const m = panel.members[1]!;
    const w = sheets[1]!.written;
    const h0 = w.content.history[0]!;
    const rewritten = await scoresheetAs(panel, m, w, await rewrittenHistory(w.content, h0.to === 100 ? 95 : (h0.to ?? 0) + 5), { revision: 2 });
    const root = folder('rewritten', [
      { file: 'packages/scoresheet-r1.zqa', type: 'scoresheet', bytes: w.bytes },
      { file: 'packages/return.zqa', type: 'panel-return', bytes: await returned({ scoresheets: [sheets[0]!, { member: m, bytes: rewritten }, ...sheets.slice(2)] }) },
    ]);
    const r = await zqa(['rank', root, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/packages\/return\.zqa › scoresheet-2\.zqa: refused: history-rewritten: .*scoresheet revision 2 .* against revision 1 in packages\/scoresheet-r1\.zqa: history entry 1 differs/);
  });

  it('a return that nests an older scoresheet than one in the folder', async () => {
    const m = panel.members[1]!;
    const r2 = await scoresheetRevision(panel, m, sheets[1]!.written, { revision: 2, changes: [{ itemId: '4.1.2', to: 40 }] });
    const root = folder('stale', [
      { file: 'packages/scoresheet-r2.zqa', type: 'scoresheet', bytes: r2.bytes },
      { file: 'packages/return.zqa', type: 'panel-return', bytes: await returned({}) },
    ]);
    const r = await zqa(['rank', root, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/packages\/return\.zqa: refused: stale-revision: .*it nests revision 1 of [0-9a-f]+'s scoresheet; revision 2 is in packages\/scoresheet-r2\.zqa/);
  });
});
