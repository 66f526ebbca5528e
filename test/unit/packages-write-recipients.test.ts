import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../cli/lib/demo-participant.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import { writePackage } from '../../shared/packages/write-package.js';

/**
 * Regression (reported by engineer E): the writer must never produce a package the verifier
 * refuses for its recipients. A reader named twice with the same key gets one wrapped key; the
 * same key id with two different encryption keys is refused at writing.
 */
describe('writePackage recipients', () => {
  it('wraps once for a reader named twice, and refuses one key id with two keys', async () => {
    const person = (name: string) => createParticipant({ name, organisation: '', role: 'expert' });
    const [sender, reader, other] = await Promise.all([person('王建国'), person('李丽华'), person('张志强')]);
    const subject = { cycleId: 'c', applicantId: 'a', panelId: 'p' };
    const content = { ...subject, reportPackageId: '0'.repeat(32), reportSha256: '0'.repeat(64), signerKeyId: sender.card.keyId, signature: 'MEUCIQDAAAAA', agrees: true, comment: '', signedAt: '2026-06-01T00:00:00.000Z' };
    const write = (recipients: { keyId: string; encryptionKey: string }[]) =>
      writePackage({ type: 'countersignature', content, subject, revision: 1, sender: { name: sender.facts.name, keys: sender.keys }, recipients });

    const twice = await write([reader.card, sender.card, reader.card]);
    expect(twice.ok).toBe(true);
    if (!twice.ok) return;
    expect(twice.value.manifest.recipients.map((r) => r.keyId)).toEqual([reader.card.keyId, sender.card.keyId]);
    const verified = await verifyPackage(twice.value.bytes, { trust: null });
    expect(verified.ok).toBe(true);

    const conflicting = await write([reader.card, { keyId: reader.card.keyId, encryptionKey: other.card.encryptionKey }]);
    expect(conflicting.ok).toBe(false);
    if (!conflicting.ok) {
      expect(conflicting.error.code).toBe('manifest-invalid');
      expect(conflicting.error.message).toMatch(/listed twice with different encryption keys/);
    }
  });
});
