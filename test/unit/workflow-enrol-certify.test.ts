import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../cli/lib/demo-participant.js';
import { describeCertificate, verifyCertificate } from '../../shared/pki/certificates.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { certifyMembers } from '../../shared/workflow/certify-experts.js';
import { enrolExpert, readIdentityCard, readSecretariatCard, writeIdentityCard } from '../../shared/workflow/enrol-expert.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { memoryExpertPool } from '../../shared/workflow/memory/expert-pool.js';
import { steppingClock } from '../../shared/workflow/ports/clock.js';

const clock = () => steppingClock(new Date(Date.UTC(2026, 5, 1)));

describe('enrol (shared/workflow/enrol-expert.ts)', () => {
  it('writes a card package that reads back as the same card, the revision counting up', async () => {
    const p = await createParticipant({ name: '王建国', organisation: '郑州大学', role: 'expert' });
    const second = await writeIdentityCard(p.facts, 2, { keys: p.keys, clock: clock() });
    if (!second.ok) throw new Error(second.error.en);
    expect(second.value.card).toEqual(p.card);
    expect(second.value.written.manifest.revision).toBe(2);
    expect(await readIdentityCard(second.value.written.bytes)).toEqual({ ok: true, value: p.card });
    // A device anchors only on the secretariat's card.
    expect(await readSecretariatCard(second.value.written.bytes)).toMatchObject({ ok: false, error: { code: 'untrusted-signer' } });
  });

  it('takes an expert into the pool once, refuses a secretariat card and a damaged file, and leaves the pool as it was', async () => {
    const pool = memoryExpertPool();
    const expert = await createParticipant({ name: '李丽华', organisation: '河南省质量协会', role: 'expert' });
    const secretariat = await createParticipant({ name: '秘书处', organisation: '秘书处', role: 'secretariat' });
    const card = await writeIdentityCard(expert.facts, 1, { keys: expert.keys, clock: clock() });
    const secCard = await writeIdentityCard(secretariat.facts, 1, { keys: secretariat.keys, clock: clock() });
    if (!card.ok || !secCard.ok) throw new Error('cards');
    expect(await enrolExpert(card.value.written.bytes, pool)).toEqual({ ok: true, value: expert.card });
    expect(await enrolExpert(card.value.written.bytes, pool)).toMatchObject({ ok: false, error: { code: 'mismatch', zh: expect.stringContaining('李丽华') as unknown } });
    expect(await enrolExpert(secCard.value.written.bytes, pool)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const damaged = card.value.written.bytes.slice();
    damaged[damaged.length - 100]! ^= 0x01;
    expect(await enrolExpert(damaged, pool)).toMatchObject({ ok: false, error: { code: 'package' } });
    expect(pool.cards()).toEqual([expert.card]);
  });
});

describe('certify experts (shared/workflow/certify-experts.ts)', () => {
  it('makes one root, issues each expert one certificate under it and reuses it for later panels', async () => {
    const store = memoryCertificateStore();
    const secretariat = await createParticipant({ name: '秘书处', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
    const experts = await Promise.all(['甲', '乙'].map((n) => createParticipant({ name: `专家${n}`, organisation: '', role: 'expert' })));
    const first = await certifyMembers(store, { identity: secretariat.card, keys: secretariat.keys }, experts.map((e) => e.card), clock());
    const again = await certifyMembers(store, { identity: secretariat.card, keys: secretariat.keys }, experts.map((e) => e.card).reverse(), clock());
    expect(again.root).toBe(first.root);
    expect(Object.fromEntries(again.members.map((m) => [m.keyId, m.certificate]))).toEqual(Object.fromEntries(first.members.map((m) => [m.keyId, m.certificate])));
    const root = fromBase64(first.root);
    for (const [i, m] of first.members.entries()) {
      const cert = fromBase64(m.certificate);
      expect(await verifyCertificate(cert, root, new Date(Date.UTC(2026, 5, 2)))).toBe(true);
      expect(describeCertificate(cert).subject.name).toBe(experts[i]!.card.name);
      // An empty organisation gets the pool's name: X.509 needs one.
      expect(describeCertificate(cert).subject.organisation).toBe('评审员专家库');
    }
  });

  it('issues everything again for a secretariat restored onto new keys, and for an expert with a new key', async () => {
    const store = memoryCertificateStore();
    const secretariat = await createParticipant({ name: '秘书处', organisation: '秘书处', role: 'secretariat' });
    const expert = await createParticipant({ name: '专家甲', organisation: '郑州大学', role: 'expert' });
    const before = await certifyMembers(store, { identity: secretariat.card, keys: secretariat.keys }, [expert.card], clock());
    const newKeys = await createParticipant({ name: '秘书处', organisation: '秘书处', role: 'secretariat' });
    const restored = await certifyMembers(store, { identity: newKeys.card, keys: newKeys.keys }, [expert.card], clock());
    expect(restored.root).not.toBe(before.root);
    expect(restored.members[0]!.certificate).not.toBe(before.members[0]!.certificate);
    expect(await verifyCertificate(fromBase64(restored.members[0]!.certificate), fromBase64(restored.root), new Date(Date.UTC(2026, 5, 2)))).toBe(true);
    const rekeyed = await createParticipant({ name: '专家甲', organisation: '郑州大学', role: 'expert' });
    const third = await certifyMembers(store, { identity: newKeys.card, keys: newKeys.keys }, [{ ...rekeyed.card, keyId: expert.card.keyId }], clock());
    expect(third.members[0]!.certificate).not.toBe(restored.members[0]!.certificate);
  });
});
