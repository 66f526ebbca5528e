import { beforeAll, describe, expect, it } from 'vitest';
import { writeCardPackage } from '../../cli/lib/demo-participant.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { ok } from '../../shared/util/result.js';
import { fileNames, plainFileName } from '../../shared/workflow/file-names.js';
import { notTakenHere, receiveIncoming, type IncomingRegistry } from '../../shared/workflow/incoming.js';
import { assignmentPackage, makePanel } from './packages-fixture.js';
import { memorySource, type ByteSource } from '../../shared/packages/stream/byte-io.js';

type Outcome = { [T in PackageType]: { type: T; bytes: number } }[PackageType];

/** A registry whose every handler records that it was called. */
function recording(seen: PackageType[]): IncomingRegistry<Outcome> {
  const handler = <T extends PackageType>(type: T) => (file: ByteSource) => {
    seen.push(type);
    return Promise.resolve(ok({ type, bytes: file.size } as Extract<Outcome, { type: T }>));
  };
  return {
    'identity-card': handler('identity-card'),
    assignment: handler('assignment'),
    scoresheet: handler('scoresheet'),
    'report-for-signing': handler('report-for-signing'),
    countersignature: handler('countersignature'),
    'panel-return': notTakenHere('panel-return', 'not on this device'),
  };
}

let assignment: Uint8Array;
let card: Uint8Array;
beforeAll(async () => {
  const panel = await makePanel(5, 19);
  assignment = await assignmentPackage(panel);
  const written = await writeCardPackage(panel.secretariat, new Date(Date.UTC(2026, 5, 1)));
  if (!written.ok) throw new Error(written.error.en);
  card = written.value.bytes;
});

describe('the registry of incoming package types (shared/workflow/incoming.ts)', () => {
  it('hands a package to its type’s handler, and only there', async () => {
    const seen: PackageType[] = [];
    expect(await receiveIncoming(memorySource(assignment), recording(seen), ['assignment', 'identity-card'])).toEqual({ ok: true, value: { type: 'assignment', bytes: assignment.length } });
    expect(await receiveIncoming(memorySource(card), recording(seen), ['assignment', 'identity-card'])).toMatchObject({ ok: true, value: { type: 'identity-card' } });
    expect(seen).toEqual(['assignment', 'identity-card']);
  });

  it('refuses a type the caller does not take, a damaged file and a file that is no package, before any handler', async () => {
    const seen: PackageType[] = [];
    expect(await receiveIncoming(memorySource(card), recording(seen), ['assignment'])).toMatchObject({ ok: false, error: { code: 'package', package: { code: 'wrong-type' } } });
    const damaged = assignment.slice();
    damaged[damaged.length - 300]! ^= 0x01;
    expect(await receiveIncoming(memorySource(damaged), recording(seen), ['assignment'])).toMatchObject({ ok: false, error: { code: 'package' } });
    expect(await receiveIncoming(memorySource(new TextEncoder().encode('%PDF-1.7')), recording(seen), ['assignment'])).toMatchObject({ ok: false, error: { package: { code: 'not-a-package' } } });
    expect(seen).toEqual([]);
  });
});

describe('file names (shared/workflow/file-names.ts)', () => {
  it('keeps what Windows allows, turns the rest into _, and never ends in a dot or space', () => {
    expect(plainFileName('郑州/恒信:精密*?"<>|制造')).toBe('郑州_恒信_精密______制造');
    expect(plainFileName('报告\u202Efdp.exe\u0007')).toBe('报告_fdp.exe_');
    expect(plainFileName('  名称. . ')).toBe('名称');
    expect(plainFileName('\u0000', { fallback: '导出' })).toBe('_');
    expect(plainFileName('', { fallback: '导出' })).toBe('导出');
    expect([...plainFileName('字'.repeat(300))]).toHaveLength(200);
    expect(fileNames.scoresheet('宇通/精密', '王建国', 2)).toBe('评分表-宇通_精密-王建国-第2版.zqa');
  });
});
