import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePanel, rezip, scoresheetPackage } from '../unit/packages-fixture.js';

/** The shell block of docs/package-format.md §8, run as written. */
function docScript(): string {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/package-format.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 8.'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no sh block in §8 of docs/package-format.md');
  return block[1]!;
}

let dir: string;
let good: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zqa-openssl-'));
  writeFileSync(join(dir, 'check-package.sh'), docScript());
  const panel = await makePanel(5);
  good = (await scoresheetPackage(panel, panel.members[1]!)).bytes;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(name: string, bytes: Uint8Array) {
  const work = mkdtempSync(join(dir, 'run-'));
  writeFileSync(join(work, name), bytes);
  return spawnSync('sh', [join(dir, 'check-package.sh'), name], { cwd: work, encoding: 'utf8' });
}

describe('a package checked with unzip and openssl only', () => {
  it('is a sound zip, and its signature and every hash are good', () => {
    const r = check('good.zqa', good);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Verified OK');
    expect(r.stdout).toMatch(/content\.json: OK\nblobs\/0001: OK\nblobs\/0002: OK/);
    // unzip -t on its own, as a person would run it.
    expect(execFileSync('unzip', ['-t', writeTo('good.zqa', good)], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('fails the signature after one byte of manifest.json changes (CRC recomputed)', () => {
    const bad = rezip(good, (es) =>
      es.map((e) => {
        if (e.name !== 'manifest.json') return e;
        const data = e.data.slice();
        const at = new TextDecoder().decode(data).indexOf('"revision":1') + '"revision":'.length;
        data[at] = '2'.charCodeAt(0);
        return { name: e.name, data };
      }),
    );
    const r = check('bad.zqa', bad);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('Verification failure');
  });

  it('fails unzip -t after one raw byte of manifest.json changes', () => {
    const bad = good.slice();
    const at = 30 + 'manifest.json'.length + 5; // inside manifest.json's data
    bad[at]! ^= 0x20;
    const r = check('flipped.zqa', bad);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/bad CRC|CRC error|At least one error/i);
  });

  it('fails the hash check when an entry changes but the manifest does not', () => {
    const bad = rezip(good, (es) => es.map((e) => (e.name === 'blobs/0002' ? { name: e.name, data: e.data.map((b, i) => (i === 3 ? b ^ 1 : b)) } : e)));
    const r = check('entry.zqa', bad);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('Verified OK');
    expect(r.stdout).toContain('blobs/0002: SHA-256 MISMATCH');
  });
});

function writeTo(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
