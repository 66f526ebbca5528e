import { describe, expect, it } from 'vitest';
import { generateIdentityKeyPairs, publicKeysOf } from '../../shared/crypto/keys.js';
import { fingerprintOf } from '../../shared/identity/fingerprint.js';
import { checkCardKeys, identityCardSchema, makeIdentityCard } from '../../shared/identity/identity-card.js';
import { lookupSigner, roleFor, trustAnchor, trustKeys, trustPanelMembers } from '../../shared/identity/trust-store.js';
import { fromBase64, sha256 } from '../../shared/util/bytes.js';

describe('fingerprints and identity cards', () => {
  it('reads as 4 groups of 5 digits derived from SHA-256 of the signing key', async () => {
    const spki = new TextEncoder().encode('not really a key, but bytes');
    const hash = await sha256(spki);
    let first = 0;
    for (let i = 0; i < 5; i++) first = first * 256 + hash[i]!;
    const fp = await fingerprintOf(spki);
    expect(fp).toMatch(/^\d{5} \d{5} \d{5} \d{5}$/);
    expect(fp.slice(0, 5)).toBe(String(first % 100000).padStart(5, '0'));
  });

  it('makes a card whose key id and fingerprint match its key, and notices when they do not', async () => {
    const keys = await publicKeysOf(await generateIdentityKeyPairs(false));
    const card = await makeIdentityCard({ name: '李专家', organisation: '郑州大学', role: 'expert' }, keys);
    expect(identityCardSchema.safeParse(card).success).toBe(true);
    expect(card.fingerprint).toBe(await fingerprintOf(fromBase64(keys.signingKey)));
    expect((await checkCardKeys(card)).ok).toBe(true);
    const other = await publicKeysOf(await generateIdentityKeyPairs(false));
    const swapped = await checkCardKeys({ ...card, signingKey: other.signingKey });
    expect(swapped.ok ? '' : swapped.error).toMatch(/key id/);
    const badFp = await checkCardKeys({ ...card, fingerprint: '00000 00000 00000 00000' });
    expect(badFp.ok ? '' : badFp.error).toMatch(/fingerprint/);
  });

  it('trusts the anchor and what is added, by key id and exact key', async () => {
    const k = await publicKeysOf(await generateIdentityKeyPairs(false));
    const sec = await makeIdentityCard({ name: '秘书处', organisation: '', role: 'secretariat' }, k);
    const e = await makeIdentityCard({ name: '专家', organisation: '', role: 'expert' }, await publicKeysOf(await generateIdentityKeyPairs(false)));
    const store = trustPanelMembers(trustAnchor(sec), 'panel-1', [{ ...e, role: 'leader' }]);
    expect(lookupSigner(store, sec.keyId, sec.signingKey)).toMatchObject({ kind: 'trusted', key: { via: 'anchor', role: 'secretariat' } });
    const found = lookupSigner(store, e.keyId, e.signingKey);
    expect(found).toMatchObject({ kind: 'trusted', key: { via: 'roster' } });
    // Vouched for on one panel, in one role: not on another panel.
    if (found.kind === 'trusted') {
      expect(roleFor(found.key, 'panel-1')).toBe('leader');
      expect(roleFor(found.key, 'panel-2')).toBeNull();
      const two = trustPanelMembers(store, 'panel-2', [{ ...e, role: 'expert' }]).keys.get(e.keyId)!;
      expect([roleFor(two, 'panel-1'), roleFor(two, 'panel-2')]).toEqual(['leader', 'expert']);
    }
    expect(roleFor(store.keys.get(sec.keyId)!, 'any-panel')).toBe('secretariat');
    expect(lookupSigner(store, e.keyId, sec.signingKey).kind).toBe('key-mismatch');
    expect(lookupSigner(store, '0'.repeat(32), e.signingKey).kind).toBe('unknown');
    // The anchor is never replaced by a later entry with the same key id.
    expect(trustKeys(store, [{ ...sec, role: 'expert' }], 'card').keys.get(sec.keyId)?.via).toBe('anchor');
  });
});
