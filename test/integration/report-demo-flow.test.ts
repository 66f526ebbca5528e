import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../cli/lib/demo-panel.js';
import { RESERVATION } from '../../cli/lib/report-demo-input.js';
import { REPORT_STAGES } from '../../cli/lib/report-demo-stages.js';

/**
 * The leader's stages of `zqa demo` over files: report for signing, every member's
 * countersignature, the panel return; then the secretariat's tools check what arrived.
 */
const dir = mkdtempSync(join(tmpdir(), 'zqa-report-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const zqa = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, ['cli/zqa.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('zqa demo through to the panel return', () => {
  it('produces a signed report, countersignatures and a panel return the tools accept', async () => {
    const index = await runDemo({ outDir: dir, members: 5, seed: 11 }, REPORT_STAGES);
    const types = index.packages.map((p) => p.type);
    // Version 1, a reservation, version 2 printing it: two rounds of countersigning.
    expect(types.filter((t) => t === 'report-for-signing')).toHaveLength(2);
    expect(types.filter((t) => t === 'countersignature')).toHaveLength(8);
    const text = spawnSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain(RESERVATION.replace(/\s+/g, ''));
    for (const section of ['六、现场核查情况', '十、评审组成员保留意见', '附件', '现场证据照片', '首次会议', '末次会议']) expect(text).toContain(section);
    expect(types.filter((t) => t === 'panel-return')).toHaveLength(1);

    const pdfsig = spawnSync('pdfsig', [join(dir, 'report.pdf')], { encoding: 'utf8' }).stdout;
    expect(pdfsig).toMatch(/Signature is Valid\./);
    expect(pdfsig).toMatch(/Total document signed/);
    const cert = spawnSync('openssl', ['verify', '-CAfile', join(dir, 'certs/secretariat-root.pem'), join(dir, 'certs/leader.pem')], { encoding: 'utf8' });
    expect(cert.stdout).toMatch(/OK/);

    const verify = zqa(['verify', join(dir, 'packages/panel-return.zqa'), '--trust', join(dir, 'cards')]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);

    const rank = zqa(['rank', dir, '--json']);
    expect(rank.status, rank.stdout + rank.stderr).toBe(0);
    const proposal = JSON.parse(rank.stdout) as { award: unknown[]; nomination: unknown[]; notAwarded: unknown[] };
    expect(proposal.award.length + proposal.nomination.length + proposal.notAwarded.length).toBe(1);

    const secretariat = index.participants.find((p) => p.role === 'secretariat')!;
    const out = join(dir, 'opened');
    const open = zqa(['open', join(dir, 'packages/panel-return.zqa'), '--identity', join(dir, secretariat.keyFile), '--out', out], { ZQA_PASSPHRASE: index.passphrase });
    expect(open.status, open.stdout + open.stderr).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String).filter((f) => statSync(join(out, f)).isFile());
    const pdfFile = files.find((f) => readFileSync(join(out, f)).subarray(0, 5).toString() === '%PDF-');
    expect(pdfFile).toBeDefined();
    expect(readFileSync(join(out, pdfFile!)).equals(readFileSync(join(dir, 'report.pdf')))).toBe(true);
  });
});
