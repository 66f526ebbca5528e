import { PACKAGE_FORMAT_VERSION } from '../../shared/packages/manifest.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { packageError, printable } from '../../shared/packages/errors.js';
import { importPackage, type ImportOptions } from '../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { assemblePackage } from '../../shared/packages/write-package.js';
import { canonicalJson } from '../../shared/util/canonical-json.js';
import { deepJsonText, spliceBytes } from '../fuzz/hostile-json.js';
import { entriesOf, writeRawZip } from '../fuzz/raw-zip.js';
import { makePanel, resign, scoresheetPackage, type Panel, type WrittenScoresheet, panelHeld } from './packages-fixture.js';

/**
 * Each case here is one the package fuzzer (test/integration/fuzz-packages.test.ts) found
 * accepted or crashing before the fix beside it in shared/packages/.
 */
let panel: Panel;
let sheet: WrittenScoresheet;
let options: ImportOptions;

beforeAll(async () => {
  panel = await makePanel(5);
  sheet = await scoresheetPackage(panel, panel.members[2]!, { photos: [new Uint8Array([1, 2, 3])], formatVersion: 2 });
  options = { keys: panel.members[0]!.keys, trust: panel.memberTrust, accept: ['scoresheet'], history: NO_HISTORY, held: panelHeld(panel) };
});

async function code(bytes: Uint8Array): Promise<string> {
  const r = await importPackage(bytes, options);
  return r.ok ? 'accepted' : `${r.error.code}: ${r.error.detail}`;
}

describe('found by fuzzing', () => {
  it('entries stored in another order than the signed manifest lists them are refused (was accepted)', async () => {
    const entries = entriesOf(sheet.bytes);
    const swapped = [entries[0]!, entries[1]!, entries[3]!, entries[2]!, ...entries.slice(4)];
    expect(await code(writeRawZip({ entries: swapped }))).toMatch(/^malformed-container: .*out of place/);
    const sigFirst = [entries[1]!, entries[0]!, ...entries.slice(2)];
    expect(await code(writeRawZip({ entries: sigFirst }))).toMatch(/^malformed-container/);
  }, 30_000);

  it('a central directory in another order than the entries is refused (was accepted)', async () => {
    const entries = entriesOf(sheet.bytes);
    const order = entries.map((_, i) => i);
    [order[0], order[1]] = [1, 0];
    expect(await code(writeRawZip({ entries, centralOrder: order }))).toMatch(/^malformed-container: the central directory is not in the order/);
  }, 30_000);

  it('content with no canonical form (a lone surrogate) is refused, not stored (was accepted)', async () => {
    const content = JSON.parse(canonicalJson(sheet.content)) as { declaration: { statement: string } };
    const text = canonicalJson(content).replace(JSON.stringify(content.declaration.statement), '"\\ud800本人声明"');
    const member = panel.members[2]!;
    const forged = await assemblePackage({
      type: 'scoresheet', subject: panel.subject, revision: 2, sender: { name: member.facts.name, keys: member.keys },
      recipients: [panel.members[0]!.card], entries: [{ name: 'content.json', bytes: new TextEncoder().encode(text) }, ...sheet.blobs.map((b) => ({ name: b.ref.entry, bytes: b.bytes }))],
    });
    expect(forged.ok).toBe(true);
    if (forged.ok) expect(await code(forged.value.bytes)).toMatch(/^not-canonical: content.json has no canonical JSON form/);
  }, 30_000);

  it('a format version nested 400,000 deep is refused with a short message, not a stack overflow (threw RangeError)', async () => {
    const entries = entriesOf(sheet.bytes);
    const text = new TextDecoder().decode(entries[0]!.data).replace(`"formatVersion":${PACKAGE_FORMAT_VERSION}`, `"formatVersion":${deepJsonText(400_000, false)}`);
    const manifest = new TextEncoder().encode(text);
    entries[0] = { ...entries[0]!, data: manifest };
    entries[1] = { ...entries[1]!, data: rawSignatureToDer(await panel.members[2]!.keys.sign({ purpose: 'manifest', data: manifest })) };
    const got = await code(writeRawZip({ entries }));
    expect(got).toMatch(/^unsupported-format-version: format version an array/);
    expect(got.length).toBeLessThan(200);
  }, 30_000);

  it('a signed manifest with a 3 MB string is refused with a bounded message', async () => {
    const bytes = await resign(sheet.bytes, panel.members[2]!.keys, (m) => {
      (m.sender as Record<string, unknown>).name = '评'.repeat(1_000_000);
    });
    const r = await importPackage(bytes, options);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('manifest-invalid');
      expect(r.error.message.length).toBeLessThan(700);
    }
  }, 30_000);

  it('error details are bounded whatever they quote', () => {
    const e = packageError('unsafe-entry-name', 'x'.repeat(100_000));
    expect(e.detail.length).toBeLessThanOrEqual(501);
    expect(e.message.length).toBeLessThan(600);
  }, 30_000);
});

describe('hostile text in messages', () => {
  it('escapes control characters and bidi overrides an entry or sender name carries', () => {
    const e = packageError('unsafe-entry-name', '"\u001b[2J\u009b31m\u202eexe.pdf": control character in name');
    expect(e.detail).toBe('"\\u{1b}[2J\\u{9b}31m\\u{202e}exe.pdf": control character in name');
    expect(e.message).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(printable('王丽华 Zhang')).toBe('王丽华 Zhang');
  }, 30_000);

  it('an entry named with a terminal escape is refused with the escape shown, not sent to the terminal', async () => {
    const entries = entriesOf(sheet.bytes);
    entries.push({ name: 'blobs/\u001b[2J', data: new Uint8Array(3) });
    const got = await code(writeRawZip({ entries }));
    expect(got).toMatch(/^unsafe-entry-name: "blobs\/\\u\{1b\}\[2J": control or format character/);
  }, 30_000);
});

describe('the fuzzer’s own tools', () => {
  it('splices near the end of a file without writing past it (FUZZ_SEED=1132164374, case 4012)', () => {
    const into = Uint8Array.of(1, 2, 3);
    expect(spliceBytes(into, 3, 2, Uint8Array.of(9))).toEqual(Uint8Array.of(1, 2, 3, 9));
    expect(spliceBytes(into, 2, 2, Uint8Array.of(9))).toEqual(Uint8Array.of(1, 2, 9));
    expect(spliceBytes(into, 0, 1, Uint8Array.of(9))).toEqual(Uint8Array.of(9, 2, 3));
  });
});
