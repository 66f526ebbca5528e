import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoIndex } from '../../cli/lib/demo-panel.js';
import { runZqa } from './run-zqa.js';

const zqa = (args: string[], env: Record<string, string> = {}) => runZqa(args, env);

// The temporary root is fixed once: cleaning up never depends on how far set-up got.
const root = mkdtempSync(join(tmpdir(), 'zqa-cli-'));
const dir = join(root, 'demo');
let index: DemoIndex;
const at = (p: string) => join(dir, p);
const scoresheetOf = (role: string) => index.packages.find((p) => p.type === 'scoresheet' && p.file.includes(role))!.file;

beforeAll(async () => {
  const r = await zqa(['demo', '--out', dir, '--experts', '5', '--seed', '42']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  index = JSON.parse(readFileSync(at('index.json'), 'utf8')) as DemoIndex;
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('zqa demo', () => {
  it('writes index.json listing every participant and package, files that exist', () => {
    expect(index.passphrase).toBe('zqa-demo-42');
    expect(index.participants.map((p) => p.role)).toEqual(['secretariat', 'leader', 'expert', 'expert', 'expert', 'expert']);
    expect(index.packages.map((p) => p.type)).toEqual([
      'assignment',
      ...Array<string>(5).fill('scoresheet'),
      // One member countersigns with a reservation: the second version prints it, and all sign again.
      'report-for-signing',
      ...Array<string>(4).fill('countersignature'),
      'report-for-signing',
      ...Array<string>(4).fill('countersignature'),
      'panel-return',
    ]);
    const names = new Set(index.participants.map((p) => p.name));
    for (const p of index.packages) {
      expect(names.has(p.from)).toBe(true);
      for (const to of p.to) expect(names.has(to)).toBe(true);
      expect(readFileSync(at(p.file)).length).toBeGreaterThan(0);
    }
    for (const p of index.participants) {
      expect(readFileSync(at(p.identityCard)).length).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(at(p.keyFile), 'utf8'))).toMatchObject({ format: 'zqa-key-backup', version: 1 });
    }
  });

  it('lists each package from its sender to exactly its recipients, and every one verifies against the cards', async () => {
    const { verifyPackage } = await import('../../shared/packages/verify-package.js');
    const { openVerifiedPackage } = await import('../../shared/packages/open-package.js');
    const nameOf = new Map<string, string>();
    for (const p of index.participants) {
      const card = await verifyPackage(new Uint8Array(readFileSync(at(p.identityCard))), { trust: null });
      const opened = card.ok ? await openVerifiedPackage(card.value, null) : card;
      if (!opened.ok) throw new Error(opened.error.message);
      nameOf.set((opened.value.content as { keyId: string }).keyId, p.name);
    }
    const [secretariat, leader] = [index.participants[0]!.name, index.participants[1]!.name];
    for (const p of index.packages) {
      const v = await verifyPackage(new Uint8Array(readFileSync(at(p.file))), { trust: null });
      if (!v.ok) throw new Error(`${p.file}: ${v.error.message}`);
      expect(nameOf.get(v.value.manifest.sender.keyId)).toBe(p.from);
      expect(v.value.manifest.recipients.map((r) => nameOf.get(r.keyId)).sort()).toEqual([...p.to].sort());
      expect(p.to).toContain(p.type === 'report-for-signing' ? p.from : secretariat);
      if (p.type === 'panel-return' || p.type === 'report-for-signing') expect(p.from).toBe(leader);
      const r = await zqa(['verify', at(p.file), '--trust', at('cards')]);
      expect(r.err).toBe('');
      expect(r.out).toMatch(new RegExp(`good ${p.type} r[12] .* trusted`));
    }
    const rank = await zqa(['rank', dir, '--json']);
    expect(rank.err).toBe('');
    const proposal = JSON.parse(rank.out) as Record<'award' | 'nomination' | 'notAwarded', { name: string }[]>;
    expect([...proposal.award, ...proposal.nomination, ...proposal.notAwarded]).toHaveLength(1);
  });

  it("verifies every package with only the secretariat's card and the assignment as trust", async () => {
    const secretariat = index.participants[0]!;
    const trust = ['--trust', at(secretariat.identityCard), '--trust', at('packages/assignment.zqa'), '--identity', at(secretariat.keyFile)];
    const env = { ZQA_PASSPHRASE: index.passphrase };
    for (const p of index.packages) {
      const r = await zqa(['verify', at(p.file), ...trust], env);
      expect(r.err).toBe('');
      const role = p.from === index.participants[1]!.name ? 'leader' : p.type === 'assignment' ? 'secretariat' : 'expert';
      const bound = p.type === 'assignment' ? '' : ' bound to cycle [^;]+;';
      expect(r.out).toMatch(new RegExp(`good ${p.type} r[12] .* trusted \\((card|roster): [^,]+, ${role}\\);${bound} content ${p.to.includes(secretariat.name) ? 'checked' : 'not checked'}`));
    }
    // The assignment's roster needs a key to read it, and the secretariat's card to vouch for it.
    const noKey = await zqa(['verify', at(scoresheetOf('expert')), '--trust', at(secretariat.identityCard), '--trust', at('packages/assignment.zqa')]);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toMatch(/is an assignment: give --identity KEYFILE/);
    const noAnchor = await zqa(['verify', at(scoresheetOf('expert')), '--trust', at('packages/assignment.zqa'), '--identity', at(secretariat.keyFile)], env);
    expect(noAnchor.code).toBe(1);
    expect(noAnchor.err).toMatch(/assignment\.zqa: refused: unknown-signer/);
  });

  it('refuses a panel size the regulation does not allow', async () => {
    const r = await zqa(['demo', '--out', join(root, 'x'), '--experts', '4']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/5 to 7/);
  });
});

describe('zqa verify', () => {
  it('says one line and exits 0 for a good package, signer trusted from the cards', async () => {
    const r = await zqa(['verify', at(scoresheetOf('expert')), '--trust', at('cards')]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/good scoresheet r1 .* trusted \(card: /);
  });

  it('names each failure class and exits 1', async () => {
    const good = readFileSync(at('packages/assignment.zqa'));
    const flipped = Uint8Array.from(good);
    flipped[flipped.length - 200]! ^= 1;
    writeFileSync(at('flipped.zqa'), flipped);
    writeFileSync(at('truncated.zqa'), good.subarray(0, good.length - 10));
    const cases: [string[], RegExp][] = [
      [['verify', at('flipped.zqa')], /refused: (malformed-container|entry-altered|unsafe-entry-name|compressed-entry|zip-bomb|entry-too-large)/],
      [['verify', at('truncated.zqa')], /refused: truncated/],
      [['verify', at('packages/assignment.zqa'), '--trust', at(index.participants[2]!.identityCard)], /refused: unknown-signer/],
      [['verify', at(scoresheetOf('expert')), '--type', 'assignment'], /refused: wrong-type/],
      [['verify', at('index.json')], /refused: not-a-package/],
    ];
    for (const [args, message] of cases) {
      const r = await zqa(args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
    }
  });
});

describe('zqa inspect', () => {
  it('prints the manifest as JSON', async () => {
    const r = await zqa(['inspect', at('packages/assignment.zqa'), '--json']);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(r.out) as { type: string; format: string; entries: unknown[] };
    expect(manifest).toMatchObject({ type: 'assignment', format: 'zqa-package', formatVersion: 2 });
  });
});

describe('zqa open', () => {
  it('decrypts a scoresheet for a recipient into a folder', async () => {
    const secretariat = index.participants[0]!;
    const out = join(root, 'opened');
    const r = await zqa(['open', at(scoresheetOf('expert')), '--identity', at(secretariat.keyFile), '--out', out, '--trust', at('cards')], { ZQA_PASSPHRASE: index.passphrase });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const content = JSON.parse(readFileSync(join(out, 'content.json'), 'utf8')) as { items: { percent: number }[] };
    expect(content.items).toHaveLength(23);
    expect(readdirSync(join(out, 'files')).sort()).toEqual(['0001-现场照片-1.png', '0002-访谈记录.txt', '0003-现场照片-3.jpg', '0004-现场照片-4.jpg']);
    expect(readFileSync(join(out, 'files', '0002-访谈记录.txt'), 'utf8')).toContain('现场记录');
  });

  it("opens with the secretariat's card and the assignment as trust", async () => {
    const secretariat = index.participants[0]!;
    const out = join(root, 'opened-roster');
    const r = await zqa(
      ['open', at(scoresheetOf('leader')), '--identity', at(secretariat.keyFile), '--out', out, '--trust', at(secretariat.identityCard), '--trust', at('packages/assignment.zqa')],
      { ZQA_PASSPHRASE: index.passphrase },
    );
    expect(r.err).toBe('');
    expect(r.out).toMatch(/roster: .*, leader/);
    expect(JSON.parse(readFileSync(join(out, 'content.json'), 'utf8'))).toMatchObject({ panelId: expect.any(String) as string });
  });

  it('refuses without a recipient key, and with a wrong passphrase', async () => {
    const bystander = index.participants[3]!;
    const sheet = index.packages.find((p) => p.type === 'scoresheet' && !p.to.includes(bystander.name))!;
    const r = await zqa(['open', at(sheet.file), '--identity', at(bystander.keyFile), '--out', join(root, 'nope')], { ZQA_PASSPHRASE: index.passphrase });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not-a-recipient/);
    const wrong = await zqa(['open', at(sheet.file), '--identity', at(bystander.keyFile), '--out', join(root, 'nope2')], { ZQA_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/wrong-passphrase/);
  });
});

describe('zqa keys', () => {
  it('makes a key file and a card, shows them, and opens the file with its passphrase', async () => {
    const key = join(root, 'new.zqakey');
    const card = join(root, 'new-card.zqa');
    const env = { ZQA_PASSPHRASE: 'a long enough passphrase' };
    const made = await zqa(['keys', 'new', '--name', '测试专家', '--organisation', '郑州大学', '--role', 'expert', '--out', key, '--card', card], env);
    expect(made.code).toBe(0);
    const shown = await zqa(['keys', 'show', key, '--check'], env);
    expect(shown.code).toBe(0);
    const facts = JSON.parse(shown.out) as { keyId: string; fingerprint: string; identity: { name: string } };
    expect(facts.identity.name).toBe('测试专家');
    expect(made.out).toContain(facts.fingerprint);
    const verified = await zqa(['verify', card, '--type', 'identity-card']);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/self-signed card/);
    const short = await zqa(['keys', 'new', '--name', 'x', '--role', 'expert', '--out', join(root, 'short.zqakey')], { ZQA_PASSPHRASE: 'short' });
    expect(short.code).toBe(2);
  });
});

describe('atomic writes', () => {
  it('leave the whole file and no temporary behind, or nothing at all', async () => {
    const { writeFileAtomic } = await import('../../cli/lib/atomic-write.js');
    const folder = join(root, 'atomic');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    const bytes = new Uint8Array(100_000).map((_, i) => i & 0xff);
    await writeFileAtomic(join(folder, 'a.zqa'), bytes);
    await writeFileAtomic(join(folder, 'a.zqa'), bytes.subarray(0, 10));
    expect(readdirSync(folder)).toEqual(['a.zqa']);
    expect(readFileSync(join(folder, 'a.zqa')).length).toBe(10);
    await expect(writeFileAtomic(join(folder, 'missing', 'b.zqa'), bytes)).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['a.zqa']);
  });
});

describe('demo content', () => {
  it('is the same for the same seed and the same people', async () => {
    const { demoAssignment, demoScoresheet } = await import('../../cli/lib/demo-content.js');
    const { seededRandom } = await import('../../cli/lib/seeded-random.js');
    const { createParticipant } = await import('../../cli/lib/demo-participant.js');
    const people = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => createParticipant({ name: `人${i}`, organisation: '', role: i === 0 ? 'secretariat' : 'expert' })));
    const make = async (seed: number) => {
      const random = seededRandom(seed);
      const { certificates, ...assignment } = await demoAssignment({ random, secretariat: people[0]!.card, secretariatKeys: people[0]!.keys, members: people.slice(1).map((p) => p.card), issuedAt: new Date(0) });
      const sheet = await demoScoresheet({ random, assignment: { ...assignment, certificates }, expert: people[1]!.card, startedAt: new Date(0) });
      // Certificates carry random serials and ECDSA signatures: same keys, not same bytes.
      expect(certificates.members.map((m) => m.keyId)).toEqual(people.slice(1).map((p) => p.card.keyId));
      return { assignment, sheet: sheet.content };
    };
    expect(await make(7)).toEqual(await make(7));
    expect((await make(7)).sheet.items).not.toEqual((await make(8)).sheet.items);
  });
});
