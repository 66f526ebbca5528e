import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, type Participant } from '../../cli/lib/demo-participant.js';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import { decodeBase64 } from '../../shared/crypto/spki.js';
import { fingerprintOf } from '../../shared/identity/fingerprint.js';
import { checkCardKeys, identityCardSchema, type IdentityCard } from '../../shared/identity/identity-card.js';
import { EMPTY_TRUST_STORE } from '../../shared/identity/trust-store.js';
import { PACKAGE_ERROR_CODES } from '../../shared/packages/errors.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { assemblePackage } from '../../shared/packages/write-package.js';
import { canonicalJson } from '../../shared/util/canonical-json.js';
import { deepJsonText } from '../fuzz/hostile-json.js';

/**
 * Identity cards are the one package a device reads from a stranger: before anyone has
 * checked a fingerprint, the card must either bind exactly the key that signed it or be
 * refused with a classified error. Each hostile card here is signed by its sender, so the
 * importer gets past the signature to the card's own checks.
 */
let alice: Participant;
let bob: Participant;

beforeAll(async () => {
  alice = await createParticipant({ name: '王丽华', organisation: '郑州大学', role: 'expert' });
  bob = await createParticipant({ name: '李建国', organisation: '河南省质量协会', role: 'leader' });
});

const FIELDS = ['name', 'organisation', 'role', 'keyId', 'signingKey', 'encryptionKey', 'fingerprint'] as const;
const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0007b', '\ud800', '评'.repeat(300), 'x'.repeat(100_001), '__proto__', 'secretariat', 'Leader'),
);
/** JSON text placed as it is: values too deep to build or serialise as objects. */
class RawJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `raw JSON of ${this.text.length} characters`;
  }
}
const hostileValue = fc.oneof(
  hostileText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(null, 0, -1, Infinity, NaN, [], {}, JSON.parse('{"__proto__":{"polluted":true}}'), new RawJson(deepJsonText(100_000, false)), new RawJson(deepJsonText(100_000, true))),
);

type Mutation = { card: Record<string, unknown>; what: string; mustRefuse: boolean };

const mutation = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), value: hostileValue }).map(({ field, value }) => (base: IdentityCard): Mutation => ({
    card: { ...base, [field]: value },
    what: `${field} = ${JSON.stringify(value)?.slice(0, 60)}`,
    // The key fields bind the card to its signer: any other value must be refused.
    mustRefuse: field === 'keyId' || field === 'signingKey' || field === 'fingerprint',
  })),
  fc.subarray([...FIELDS.slice(3)], { minLength: 1 }).map((fields) => (base: IdentityCard): Mutation => ({
    card: { ...base, ...Object.fromEntries(fields.map((f) => [f, bob.card[f]])) },
    what: `Bob's ${fields.join(', ')}`,
    // Only Bob's encryption key alone is a card that still binds Alice's signing key.
    mustRefuse: !(fields.length === 1 && fields[0] === 'encryptionKey'),
  })),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra').map((key) => (base: IdentityCard): Mutation => {
    const card: Record<string, unknown> = { ...base };
    Object.defineProperty(card, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
    return { card, what: `own key ${key}`, mustRefuse: true };
  }),
  fc.nat({ max: 19 }).map((digit) => (base: IdentityCard): Mutation => {
    const chars = [...base.fingerprint];
    const at = [...chars.keys()].filter((i) => chars[i] !== ' ')[digit]!;
    chars[at] = String((Number(chars[at]) + 1) % 10);
    return { card: { ...base, fingerprint: chars.join('') }, what: `fingerprint digit ${digit}`, mustRefuse: true };
  }),
);

async function importCard(content: unknown, signer: Participant) {
  // Canonical where possible; where the value has no canonical form, plain JSON text.
  const raw = Object.entries(content as Record<string, unknown>).find(([, v]) => v instanceof RawJson);
  const marked = raw ? { ...(content as Record<string, unknown>), [raw[0]]: 'RAW-JSON-MARKER' } : content;
  let text: string;
  try {
    text = canonicalJson(marked);
  } catch {
    text = JSON.stringify(marked);
  }
  if (raw) text = text.replace('"RAW-JSON-MARKER"', (raw[1] as RawJson).text);
  const written = await assemblePackage({
    type: 'identity-card', subject: {}, revision: 1, sender: { name: signer.facts.name, keys: signer.keys }, recipients: [],
    entries: [{ name: 'content.json', bytes: new TextEncoder().encode(text) }],
  });
  if (!written.ok) throw new Error(written.error.message);
  return importPackage(written.value.bytes, { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'], history: NO_HISTORY, held: null });
}

describe('identity cards under hostile input', () => {
  it('a card signed by its owner is accepted and bound to the signing key', async () => {
    const r = await importCard(alice.card, alice);
    expect(r.ok && r.value.content).toEqual(alice.card);
  }, 60_000);

  it('every hostile card signed by its sender is refused with a classified error, or binds the signer', async () => {
    const known = new Set<string>(PACKAGE_ERROR_CODES);
    await fc.assert(
      fc.asyncProperty(mutation, async (make) => {
        const m = make(alice.card);
        const r = await importCard(m.card, alice);
        expect(Object.prototype).not.toHaveProperty('polluted');
        if (!r.ok) {
          expect(known.has(r.error.code), m.what).toBe(true);
          // A name other than the one the manifest gives for its signer is refused as such.
          expect(['content-invalid', 'content-malformed', 'not-canonical', 'sender-name-mismatch'], m.what).toContain(r.error.code);
          return;
        }
        expect(m.mustRefuse, `${m.what}: accepted`).toBe(false);
        const card = r.value.content as IdentityCard;
        const spki = decodeBase64(card.signingKey)!;
        expect(card.signingKey).toBe(r.value.manifest.sender.signingKey);
        expect(card.keyId).toBe(await keyIdOf(spki));
        expect(card.fingerprint).toBe(await fingerprintOf(spki));
        expect((await checkCardKeys(card)).ok).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("someone else's whole card, signed by another key, is refused", async () => {
    const r = await importCard(bob.card, alice);
    expect(r.ok ? 'accepted' : r.error.detail).toMatch(/not the key that signed it/);
  }, 60_000);

  it('the card schema and key check never throw on arbitrary values', async () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (v) => {
      identityCardSchema.safeParse(v);
    }), { numRuns: 2000 });
    await fc.assert(
      fc.asyncProperty(fc.record({ keyId: fc.string(), signingKey: hostileText, encryptionKey: hostileText, fingerprint: fc.string() }), async (c) => {
        expect((await checkCardKeys(c)).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
