import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ERROR_ADVICE } from '../../shared/packages/error-advice.js';
import { describePackageError, PACKAGE_ERROR_CODES, packageError } from '../../shared/packages/errors.js';
import { ok } from '../../shared/util/result.js';
import { notTakenHere, receiveIncoming } from '../../shared/workflow/incoming.js';
import { PACKAGE_PLACES } from '../../shared/workflow/package-places.js';
import { assignmentPackage, makePanel } from './packages-fixture.js';
import { memorySource } from '../../shared/packages/stream/byte-io.js';

let assignment: Uint8Array;
beforeAll(async () => {
  assignment = await assignmentPackage(await makePanel(5, 23));
});

describe('a refused package in words a person can act on', () => {
  it('says in Chinese what is wrong and what to do, with no English detail; the English text keeps the detail', () => {
    for (const code of PACKAGE_ERROR_CODES) {
      const error = packageError(code, 'entry content/scoresheet.json: no zip structure');
      const zh = describePackageError(error, 'zh-CN');
      expect(zh.replaceAll('.zqa', ''), code).not.toMatch(/[A-Za-z]{3,}/);
      expect(zh.endsWith(PACKAGE_ERROR_ADVICE[code].zh), code).toBe(true);
      expect(zh, code).not.toContain('（entry');
      const en = describePackageError(error, 'en');
      expect(en, code).toContain('(entry content/scoresheet.json: no zip structure)');
      expect(en, code).not.toMatch(/[：（）]/);
    }
  });

  it('names the kind of a package offered in the wrong place and where it is imported', async () => {
    const nothing = () => Promise.resolve(ok({ type: 'assignment' as const }));
    const registry = {
      'identity-card': notTakenHere<never>('identity-card', 'x'),
      assignment: nothing,
      scoresheet: notTakenHere<never>('scoresheet', 'x'),
      'report-for-signing': notTakenHere<never>('report-for-signing', 'x'),
      countersignature: notTakenHere<never>('countersignature', 'x'),
      'panel-return': notTakenHere<never>('panel-return', 'x'),
    };
    const refused = await receiveIncoming(memorySource(assignment), registry, ['scoresheet']);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.package?.code).toBe('wrong-type');
    expect(refused.error.zh).toBe(`这是一份评审任务，不能在此处导入。请在${PACKAGE_PLACES.assignment.where.zh}导入。`);
    expect(refused.error.en).toContain('This is an assignment');
  });
});
