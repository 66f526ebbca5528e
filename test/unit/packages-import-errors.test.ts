import { zipSync } from 'fflate';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_TRUST_STORE } from '../../shared/identity/trust-store.js';
import { trustCards } from '../../shared/identity/roster-trust.js';
import { PACKAGE_ERROR_TEXT, type PackageErrorCode } from '../../shared/packages/errors.js';
import { importPackage, type ImportOptions } from '../../shared/packages/import-package.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { NO_HISTORY, type PackageHistory } from '../../shared/packages/revision.js';
import { assemblePackage, writePackage } from '../../shared/packages/write-package.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { writeStoredZip } from '../../shared/packages/zip-write.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { assignmentPackage, makePanel, resign, rezip, scoresheetPackage, type Panel, type WrittenScoresheet, panelHeld } from './packages-fixture.js';

let panel: Panel;
let sheet: WrittenScoresheet;
let leaderOptions: ImportOptions;

beforeAll(async () => {
  panel = await makePanel(5);
  sheet = await scoresheetPackage(panel, panel.members[2]!);
  leaderOptions = { keys: panel.members[0]!.keys, trust: panel.memberTrust, accept: ['scoresheet'], history: NO_HISTORY, held: panelHeld(panel) };
});

async function refusal(bytes: Uint8Array, options: Partial<ImportOptions> = {}): Promise<{ code: PackageErrorCode | 'accepted'; message: string }> {
  const r = await importPackage(bytes, { ...leaderOptions, ...options });
  return r.ok ? { code: 'accepted', message: '' } : { code: r.error.code, message: r.error.message };
}

async function expectRefused(bytes: Uint8Array, code: PackageErrorCode, detail: RegExp, options: Partial<ImportOptions> = {}): Promise<void> {
  const r = await refusal(bytes, options);
  expect(r.code).toBe(code);
  expect(r.message.startsWith(PACKAGE_ERROR_TEXT[code].en)).toBe(true);
  expect(r.message).toMatch(detail);
}

describe('importing a good package', () => {
  it('returns the validated content and the facts an apply step needs', async () => {
    const r = await importPackage(sheet.bytes, leaderOptions);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.type !== 'scoresheet') return;
    expect(r.value.content).toEqual(sheet.content);
    expect(r.value.manifest.sender.keyId).toBe(panel.members[2]!.card.keyId);
    const { cycleId, applicantId, panelId } = panel.subject;
    expect(r.value.seriesId).toBe(`scoresheet/${cycleId}/${applicantId}/${panelId}/${panel.members[2]!.card.keyId}`);
    expect(r.value.disposition).toEqual({ kind: 'new' });
    expect(r.value.signer.kind).toBe('trusted');
    for (const b of sheet.blobs) expect(Array.from(r.value.blobs.get(b.ref.entry)!)).toEqual(Array.from(b.bytes));
  });
});

describe('each bad input is refused with its own code', () => {
  it('a flipped byte anywhere in the file', async () => {
    const codes = new Set<string>();
    const step = Math.max(1, Math.floor(sheet.bytes.length / 400));
    for (let at = 0; at < sheet.bytes.length; at += at < 2000 || at > sheet.bytes.length - 700 ? 1 : step) {
      const bad = sheet.bytes.slice();
      bad[at]! ^= 0x01;
      const r = await refusal(bad);
      if (r.code === 'accepted') throw new Error(`flipping byte ${at} went unnoticed`);
      codes.add(r.code);
    }
    // Header bytes are caught by the container's own cross-checks, data bytes (the manifest,
    // its signature, the entries) by CRC-32 first; with the CRC recomputed too, by the
    // signature and the SHA-256s (the tests below).
    // Flips in the central directory may also read as another method, name or size; all
    // are refusals of the container, never a content or trust error.
    expect(codes).toContain('entry-altered');
    expect(codes).toContain('malformed-container');
    const containerCodes = ['entry-altered', 'malformed-container', 'compressed-entry', 'zip-bomb', 'unsafe-entry-name', 'duplicate-entry-name', 'entry-too-large', 'total-too-large', 'too-many-entries', 'truncated'];
    for (const code of codes) expect(containerCodes).toContain(code);
  });

  it('a truncated file', async () => {
    for (const keep of [sheet.bytes.length - 1, sheet.bytes.length - 30, Math.floor(sheet.bytes.length / 2), 100]) {
      await expectRefused(sheet.bytes.subarray(0, keep), 'truncated', /end-of-central-directory/);
    }
  });

  it('an entry missing or added', async () => {
    await expectRefused(rezip(sheet.bytes, (es) => es.filter((e) => e.name !== 'blobs/0002')), 'entry-missing', /blobs\/0002/);
    await expectRefused(rezip(sheet.bytes, (es) => [...es, { name: 'blobs/0099', data: new Uint8Array(10) }]), 'entry-unexpected', /blobs\/0099/);
    await expectRefused(rezip(sheet.bytes, (es) => es.filter((e) => e.name !== 'manifest.sig')), 'entry-missing', /manifest\.sig/);
    // Altered with a fresh CRC, as a deliberate forger would: the manifest's SHA-256 catches it.
    const altered = rezip(sheet.bytes, (es) => es.map((e) => (e.name === 'blobs/0001' ? { name: e.name, data: e.data.map((b, i) => (i === 20 ? b ^ 1 : b)) } : e)));
    await expectRefused(altered, 'entry-altered', /"blobs\/0001" does not match its SHA-256/);
  });

  it('a bad signature: another key, or a manifest changed after signing', async () => {
    const other = await resign(sheet.bytes, panel.members[3]!.keys, () => undefined);
    await expectRefused(other, 'bad-signature', /does not verify/);
    const raised = rezip(sheet.bytes, (es) =>
      es.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: new TextEncoder().encode(new TextDecoder().decode(e.data).replace('"revision":1', '"revision":9')) } : e)),
    );
    await expectRefused(raised, 'bad-signature', /manifest\.json/);
  });

  it('an unknown signer, and a trusted one sending what its role may not', async () => {
    await expectRefused(sheet.bytes, 'unknown-signer', /not in the trust store/, { trust: EMPTY_TRUST_STORE });
    const forged = await writePackage({
      type: 'assignment', content: { ...panel.assignment, secretariat: { ...panel.assignment.secretariat } }, subject: panel.subject, revision: 1,
      sender: { name: '专家3', keys: panel.members[2]!.keys }, recipients: [panel.members[0]!.card],
    });
    // The content names the real secretariat, so writing it as an expert is refused already...
    expect(forged.ok).toBe(false);
    // ...and an expert's hand-made assignment is refused by role on import.
    const bytes = await assignmentPackage(panel);
    const asExpert = await resign(bytes, panel.members[2]!.keys, (m) => {
      (m.sender as Record<string, unknown>).keyId = panel.members[2]!.card.keyId;
      (m.sender as Record<string, unknown>).signingKey = panel.members[2]!.card.signingKey;
    });
    await expectRefused(asExpert, 'untrusted-signer', /may not send a assignment package/, { accept: ['assignment'] });
    // A member of this panel is not trusted for another panel's packages.
    const elsewhere = await resign(sheet.bytes, panel.members[2]!.keys, (m) => ((m.subject as Record<string, unknown>).panelId = 'panel-99'));
    await expectRefused(elsewhere, 'untrusted-signer', /is not on panel panel-99/);
  });

  it('a package for someone else', async () => {
    await expectRefused(sheet.bytes, 'not-a-recipient', /no content key for key/, { keys: panel.members[1]!.keys });
  });

  it('a content key wrapped to the wrong encryption key', async () => {
    const r = await writePackage({
      type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject: panel.subject, revision: 1,
      sender: { name: '专家3', keys: panel.members[2]!.keys }, recipients: [{ keyId: panel.members[0]!.card.keyId, encryptionKey: panel.members[4]!.card.encryptionKey }],
    });
    if (!r.ok) throw new Error(r.error.message);
    await expectRefused(r.value.bytes, 'decrypt-failed', /does not open/);
  });

  it('the wrong package type for the caller', async () => {
    await expectRefused(sheet.bytes, 'wrong-type', /a scoresheet package; expected assignment/, { accept: ['assignment'] });
  });

  it('malformed or schema-invalid content, signed by its sender', async () => {
    const sender = panel.members[2]!;
    const forge = (content: Uint8Array) =>
      assemblePackage({
        type: 'scoresheet', subject: panel.subject, revision: 1, sender: { name: sender.facts.name, keys: sender.keys },
        recipients: [panel.members[0]!.card], entries: [{ name: 'content.json', bytes: content }],
      });
    const notJson = await forge(new TextEncoder().encode('{"items": [unfinished'));
    await expectRefused(notJson.ok ? notJson.value.bytes : new Uint8Array(), 'content-malformed', /not UTF-8 JSON/);
    const badPercent = await forge(canonicalJsonBytes({ ...sheet.content, attachments: [], observations: [], items: [{ itemId: '4.1.2', percent: 42, strengths: [], ofis: [] }] }));
    await expectRefused(badPercent.ok ? badPercent.value.bytes : new Uint8Array(), 'content-invalid', /steps of 5/);
    const brokenChain = await forge(canonicalJsonBytes({ ...sheet.content, attachments: [], observations: [], history: sheet.content.history.slice(1) }));
    await expectRefused(brokenChain.ok ? brokenChain.value.bytes : new Uint8Array(), 'history-broken', /first broken link at seq 1 \(seq\)/);
    const missingFile = await forge(canonicalJsonBytes(sheet.content));
    await expectRefused(missingFile.ok ? missingFile.value.bytes : new Uint8Array(), 'content-invalid', /does not hold/);
  });

  it('a signed manifest that is not canonical JSON, or names a key id not its key', async () => {
    const sender = panel.members[2]!;
    const pretty = rezip(sheet.bytes, (es) => es.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(e.data)), null, 1)) } : e)));
    const entries = readStoredZip(pretty, DEFAULT_PACKAGE_LIMITS);
    if (!entries.ok) throw new Error(entries.error.message);
    const sig = rawSignatureToDer(await sender.keys.sign({ purpose: 'manifest', data: entries.value.find((e) => e.name === 'manifest.json')!.data }));
    const signedPretty = rezip(pretty, (es) => es.map((e) => (e.name === 'manifest.sig' ? { name: e.name, data: sig } : e)));
    await expectRefused(signedPretty, 'not-canonical', /not canonical/);
    const wrongId = await resign(sheet.bytes, sender.keys, (m) => ((m.sender as Record<string, unknown>).keyId = '0'.repeat(32)));
    await expectRefused(wrongId, 'manifest-invalid', /not the id of sender\.signingKey/);
  });

  it('a format version of the future, and version 1 (before signatures named their purpose)', async () => {
    const v4 = await resign(sheet.bytes, panel.members[2]!.keys, (m) => (m.formatVersion = 4));
    await expectRefused(v4, 'unsupported-format-version', /format version 4/);
    const v1 = await resign(sheet.bytes, panel.members[2]!.keys, (m) => (m.formatVersion = 1));
    await expectRefused(v1, 'outdated-format-version', /format version 1.*export it again/);
  });

  it("entry names with '..', an absolute path or a backslash, and duplicate names", async () => {
    for (const [name, why] of [['../evil', /'\.\.'/], ['/etc/passwd', /absolute path/], ['blobs\\0001', /backslash/], ['C:evil', /absolute path/]] as const) {
      await expectRefused(rezip(sheet.bytes, (es) => [...es, { name, data: new Uint8Array(1) }]), 'unsafe-entry-name', why);
    }
    await expectRefused(rezip(sheet.bytes, (es) => [...es, { name: 'blobs/0001', data: new Uint8Array(1) }]), 'duplicate-entry-name', /appears twice/);
  });

  it('file, entry, total size and entry count over the stated limits', async () => {
    const limits = (patch: Partial<typeof DEFAULT_PACKAGE_LIMITS>) => ({ limits: { ...DEFAULT_PACKAGE_LIMITS, ...patch } });
    await expectRefused(sheet.bytes, 'file-too-large', /limit 1000/, limits({ maxFileBytes: 1000 }));
    await expectRefused(sheet.bytes, 'entry-too-large', /limit 500/, limits({ maxEntryBytes: 500 }));
    await expectRefused(sheet.bytes, 'total-too-large', /exceed 1500/, limits({ maxTotalBytes: 1500 }));
    await expectRefused(sheet.bytes, 'too-many-entries', /limit 3/, limits({ maxEntries: 3 }));
  });

  it('a zip bomb, and a compressed entry', async () => {
    const bomb = zipSync({ 'content.json': [new Uint8Array(20 * 1024 * 1024), { level: 9 }] });
    await expectRefused(bomb, 'zip-bomb', /compressed/);
    const small = zipSync({ 'content.json': [new TextEncoder().encode('{"a":"abcdefghij"}'), { level: 9 }] });
    await expectRefused(small, 'compressed-entry', /compressed/);
    // Overlapping entries: a second central record pointing at the first local header.
    const one = writeStoredZip([{ name: 'a', data: new Uint8Array(64) }, { name: 'b', data: new Uint8Array(64) }], new Date(0));
    const view = new DataView(one.buffer);
    const central = view.getUint32(one.length - 22 + 16, true);
    const second = central + 46 + 1;
    view.setUint32(second + 42, 0, true);
    one[second + 46] = 'a'.charCodeAt(0) + 2; // keep names distinct: "c" at offset 0
    await expectRefused(one, 'zip-bomb', /overlaps/);
  });

  it('not a package at all', async () => {
    await expectRefused(new TextEncoder().encode('hello, this is a text file'), 'not-a-package', /no zip structure/);
  });
});

describe('revisions', () => {
  const stored = (packageId: string, revision: number, manifestSha256: string): PackageHistory => ({
    latest: () => Promise.resolve({ packageId, revision, manifestSha256 }),
  });

  it('the same package twice, an older revision, a conflicting one, and a newer one', async () => {
    const first = await importPackage(sheet.bytes, leaderOptions);
    if (!first.ok) throw new Error(first.error.message);
    const { manifestSha256 } = first.value;
    const same = stored(first.value.manifest.packageId, 1, manifestSha256);
    await expectRefused(sheet.bytes, 'duplicate', /already stored/, { history: same });

    const second = await scoresheetPackage(panel, panel.members[2]!, { previous: sheet, seed: 9 });
    const after2 = stored(second.packageId, 2, 'f'.repeat(64));
    await expectRefused(sheet.bytes, 'stale-revision', /revision 1 arrived after revision 2/, { history: after2 });
    await expectRefused(sheet.bytes, 'revision-conflict', /already stored/, { history: stored('0'.repeat(32), 1, 'e'.repeat(64)) });

    const newer = await importPackage(second.bytes, { ...leaderOptions, history: same });
    expect(newer.ok && newer.value.disposition).toEqual({ kind: 'supersedes', previous: { packageId: first.value.manifest.packageId, revision: 1, manifestSha256 } });
  });
});

describe('identity cards', () => {
  it('are public, self-signed, and bound to their signer', async () => {
    const owner = panel.members[1]!;
    const card = await writePackage({ type: 'identity-card', content: owner.card, subject: {}, revision: 1, sender: { name: owner.facts.name, keys: owner.keys }, recipients: [] });
    if (!card.ok) throw new Error(card.error.message);
    const r = await importPackage(card.value.bytes, { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'], history: NO_HISTORY, held: null });
    expect(r.ok && r.value.signer.kind).toBe('self-signed');
    expect(r.ok && r.value.content).toEqual(owner.card);
    const trusted = trustCards(EMPTY_TRUST_STORE, [owner.card]);
    const again = await importPackage(card.value.bytes, { keys: null, trust: trusted, accept: ['identity-card'], history: NO_HISTORY, held: null });
    expect(again.ok && again.value.signer.kind).toBe('trusted');
    // Someone else's card, signed by me: refused.
    const stolen = await assemblePackage({
      type: 'identity-card', subject: {}, revision: 1, sender: { name: owner.facts.name, keys: panel.members[2]!.keys }, recipients: [],
      entries: [{ name: 'content.json', bytes: canonicalJsonBytes(owner.card) }],
    });
    await expectRefused(stolen.ok ? stolen.value.bytes : new Uint8Array(), 'content-invalid', /not the key that signed it/, { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'] });
  });
});
