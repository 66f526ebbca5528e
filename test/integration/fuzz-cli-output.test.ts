import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, writeCardPackage } from '../../cli/lib/demo-participant.js';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { makePanel, resign, scoresheetPackage, type Panel } from '../unit/packages-fixture.js';
import { runZqa } from './run-zqa.js';

/**
 * Names inside a package are the sender's to choose: a card may call its owner
 * "王\u202E华" (refused: a person's name has no control or format characters) and an
 * attachment "报告\u202Efdp.exe". The commands never print them raw, and write files under
 * names a file manager shows as they are.
 */
const PASSPHRASE = 'cli-output-test';
const BIDI = '\u202e';
const CSI = '\u009b';
let dir: string;
let panel: Panel;

const zqa = (args: string[]) => runZqa(args, { ZQA_PASSPHRASE: PASSPHRASE });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zqa-cli-output-'));
  // Our writer refuses such a name, so the card is changed after writing and signed again by its sender.
  const spoof = await createParticipant({ name: '王华', organisation: '未知', role: 'expert' });
  const name = `王${BIDI}华${CSI}2J`;
  const card = await writeCardPackage(spoof, new Date(Date.UTC(2026, 5, 1)));
  if (!card.ok) throw new Error(card.error.en);
  const forged = await resign(card.value.bytes, spoof.keys, (m) => ((m.sender as Record<string, unknown>).name = name), { 'content.json': canonicalJsonBytes({ ...spoof.card, name }) });
  writeFileSync(join(dir, 'card.zqa'), forged);

  panel = await makePanel(5);
  const member = panel.members[1]!;
  const sheet = await scoresheetPackage(panel, member);
  const attachments = sheet.content.attachments.map((a, i) => (i === 0 ? { ...a, fileName: `报告${BIDI}fdp.exe` } : a));
  const written = await writePackage({
    type: 'scoresheet', content: { ...sheet.content, attachments }, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
    subject: panel.subject, revision: 1, sender: { name: member.facts.name, keys: member.keys }, recipients: [panel.members[0]!.card, member.card],
  });
  if (!written.ok) throw new Error(written.error.message);
  writeFileSync(join(dir, 'sheet.zqa'), written.value.bytes);
  writeFileSync(join(dir, 'leader.zqakey'), await sealKeyBackup(panel.members[0]!.material, PASSPHRASE));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile names on the command line', () => {
  it('zqa verify and zqa inspect refuse a name hiding a bidi override and a C1 control, and print none of it raw', async () => {
    for (const args of [['verify', join(dir, 'card.zqa')], ['inspect', join(dir, 'card.zqa')]]) {
      const r = await zqa(args);
      expect(r.code).toBe(1);
      expect(r.out + r.err).not.toMatch(/[\u202e\u009b]/);
      expect(r.err).toMatch(/manifest-invalid: .*sender\.name: no control or format characters/);
    }
  });

  it('zqa open writes an attachment whose name hides its extension under a name that shows it', async () => {
    const out = join(dir, 'opened');
    const r = await zqa(['open', join(dir, 'sheet.zqa'), '--identity', join(dir, 'leader.zqakey'), '--out', out]);
    expect(r.code, r.err).toBe(0);
    const files = readdirSync(join(out, 'files'));
    expect(files).toContain('0001-报告_fdp.exe');
    expect(files.join('')).not.toMatch(/\p{C}/u);
  });
});
