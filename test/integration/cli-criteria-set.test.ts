import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { runZqa } from './run-zqa.js';

/**
 * An industry's criteria set (Art. 16) as a file: `zqa criteria --set FILE --json` validates and
 * prints it, `zqa total --set FILE` totals against it; a broken set is refused with every problem.
 */
const dir = mkdtempSync(join(tmpdir(), 'zqa-criteria-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const zqa = (...args: string[]) => runZqa(args);

/** A service-sector variant: the same frame, results weighted differently within 4.7. */
export const SERVICE_SET: CriteriaSet = (() => {
  const set = structuredClone(GBT19580_2012);
  set.id = 'zz-service-2024';
  set.name = '郑州市市长质量奖服务业评审标准';
  set.nameEn = 'Zhengzhou Mayor’s Quality Award criteria for services';
  set.version = '2024版';
  const results = set.categories.find((c) => c.id === '4.7')!;
  results.items.find((i) => i.id === '4.7.2')!.points = 60;
  results.items.find((i) => i.id === '4.7.3')!.points = 100;
  return set;
})();

describe('zqa criteria / total --set', () => {
  const setFile = join(dir, 'service.json');
  writeFileSync(setFile, `\uFEFF${JSON.stringify(SERVICE_SET)}`);

  it('prints an industry set, validated, with its name and version', async () => {
    const r = await zqa('criteria', '--set', setFile, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { id: string; version: string; categories: { items: { id: string; points: number }[] }[] };
    expect([json.id, json.version]).toEqual(['zz-service-2024', '2024版']);
    expect(json.categories.flatMap((c) => c.items).find((i) => i.id === '4.7.3')!.points).toBe(100);
    const table = await zqa('criteria', '--set', setFile);
    expect(table.out.split('\n')[0]).toBe('郑州市市长质量奖服务业评审标准（2024版） (1000 分)');
  });

  it('refuses a set that breaks the 1000-point frame, naming every problem', async () => {
    const broken = structuredClone(SERVICE_SET);
    broken.categories[0]!.items[0]!.points = 60;
    (broken.categories[1]!.items[0] as { kind: string }).kind = 'other';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const r = await zqa('criteria', '--set', file, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/categories\[1\]\.items\[0\]\.kind/);
    writeFileSync(file, '{ not json');
    expect((await zqa('criteria', '--set', file)).err).toMatch(/is not JSON/);
    expect((await zqa('criteria', '--set', join(dir, 'missing.json'))).err).toMatch(/cannot read/);
  });

  it('totals against the set given, and compares with the threshold given', async () => {
    const percent = Object.fromEntries(itemsOf(SERVICE_SET).map((i) => [i.id, 50]));
    percent['4.7.3'] = 100;
    const scores = join(dir, 'scores.json');
    writeFileSync(scores, JSON.stringify({ percent }));
    const service = JSON.parse((await zqa('total', scores, '--set', setFile)).out) as { criteriaSetId: string; totalHundredths: number; meetsThreshold: boolean; thresholdPoints: number };
    // 900 points at 50% and 4.7.3's 100 points at 100%: 450 + 100 = 550; the built-in set's 4.7.3 has 80 points: 460 + 80.
    expect(service).toMatchObject({ criteriaSetId: 'zz-service-2024', totalHundredths: 55000, thresholdPoints: 500, meetsThreshold: true });
    const builtIn = JSON.parse((await zqa('total', scores)).out) as { totalHundredths: number };
    expect(builtIn.totalHundredths).toBe(54000);
    expect((JSON.parse((await zqa('total', scores, '--set', setFile, '--threshold', '550')).out) as { meetsThreshold: boolean }).meetsThreshold).toBe(true);
    const stricter = JSON.parse((await zqa('total', scores, '--set', setFile, '--threshold', '560')).out) as { meetsThreshold: boolean };
    expect(stricter.meetsThreshold).toBe(false);
    expect((await zqa('total', scores, '--threshold', 'x')).code).toBe(2);
  });
});
