import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedFile } from '../../shared/bridge/contract.js';
import { writeCardPackage } from '../../cli/lib/demo-participant.js';
import { registerPackageOpener } from '../../renderer/src/packages/package-openers.js';
import { routeOpenedFile } from '../../renderer/src/packages/route-opened-file.js';
import { assignmentPackage, makePanel, type Panel } from './packages-fixture.js';

let panel: Panel;
let assignment: Uint8Array;
beforeAll(async () => {
  panel = await makePanel(5, 13);
  assignment = await assignmentPackage(panel);
});
const offs: (() => void)[] = [];
afterEach(() => offs.splice(0).forEach((off) => off()));

describe('files the OS asks the app to open', () => {
  it('go to the opener for their manifest type, and only there', async () => {
    const seen: string[] = [];
    offs.push(registerPackageOpener('assignment', (f) => void seen.push(`assignment:${f.name}`)));
    offs.push(registerPackageOpener('scoresheet', (f) => void seen.push(`scoresheet:${f.name}`)));
    const file: OpenedFile = { name: '评审任务.zqa', bytes: assignment };
    expect(await routeOpenedFile(file)).toEqual({ ok: true, value: undefined });
    expect(seen).toEqual(['assignment:评审任务.zqa']);
  });

  it('are refused when damaged or of a type nothing here opens, reaching no opener', async () => {
    const seen: string[] = [];
    offs.push(registerPackageOpener('assignment', () => void seen.push('assignment')));
    const damaged = assignment.slice();
    damaged[30]! ^= 0xff;
    expect((await routeOpenedFile({ name: 'x.zqa', bytes: damaged })).ok).toBe(false);
    const card = await writeCardPackage(panel.secretariat, new Date());
    if (!card.ok) throw new Error(card.error.en);
    expect(await routeOpenedFile({ name: 'card.zqa', bytes: card.value.bytes })).toMatchObject({ ok: false, error: { code: 'wrong-type' } });
    expect(await routeOpenedFile({ name: 'notes.txt', bytes: new TextEncoder().encode('hello') })).toMatchObject({ ok: false, error: { code: 'not-a-package' } });
    expect(seen).toEqual([]);
  });
});
