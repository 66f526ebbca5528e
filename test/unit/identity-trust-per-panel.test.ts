import { describe, expect, it } from 'vitest';
import { createParticipant, type Participant } from '../../cli/lib/demo-participant.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { trustAssignmentRoster, trustCards, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { roleFor, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import { writePackage } from '../../shared/packages/write-package.js';

/**
 * Roster trust is per panel: the role a key has is looked up by the package's panel id,
 * whatever order the rosters (and hand-checked cards) were added in.
 */
type Roster = Pick<AssignmentContent, 'panel'>;
const member = ({ card: { role: _role, ...identity } }: Participant, role: 'leader' | 'expert') => ({ ...identity, role });
const roster = (id: string, leader: Participant, experts: Participant[]): Roster => ({
  panel: { id, name: id, members: [member(leader, 'leader'), ...experts.map((e) => member(e, 'expert'))] },
});

/** A report-for-signing about `panelId`: only that panel's leader may send one. */
async function reportFor(panelId: string, sender: Participant, reader: Participant): Promise<Uint8Array> {
  const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
  const [blob] = await prepareBlobs([{ fileName: 'report.pdf', mediaType: 'application/pdf', bytes: pdf }]);
  const subject = { cycleId: 'c', applicantId: 'a', panelId };
  const written = await writePackage({
    type: 'report-for-signing',
    content: { ...subject, consensus: newConsensusRecord(GBT19580_2012), reportText: '', report: { ...blob!.ref, mediaType: 'application/pdf' }, signers: [reader.card.keyId], sentAt: '2026-06-01T00:00:00.000Z' },
    blobs: [{ entry: blob!.ref.entry, bytes: pdf }], subject, revision: 1, sender: { name: sender.facts.name, keys: sender.keys }, recipients: [reader.card],
  });
  if (!written.ok) throw new Error(written.error.message);
  return written.value.bytes;
}

const verdict = async (bytes: Uint8Array, trust: TrustStore) => {
  const r = await verifyPackage(bytes, { trust });
  return r.ok ? 'ok' : r.error.code;
};

describe('trust per panel', () => {
  it('an expert who leads one panel and sits on another: each role for its own panel, in any order', async () => {
    const [sec, x, y, z] = await Promise.all([
      createParticipant({ name: '秘书处', organisation: '', role: 'secretariat' }),
      createParticipant({ name: '王建国', organisation: '郑州大学', role: 'expert' }),
      createParticipant({ name: '李丽华', organisation: '郑州大学', role: 'leader' }),
      createParticipant({ name: '张志强', organisation: '郑州大学', role: 'expert' }),
    ]);
    // x is a member of panel A (led by y) and leads panel B.
    const a = roster('panel-a', y, [x, z]);
    const b = roster('panel-b', x, [y, z]);
    const anchor = trustStoreFromAnchorCard(sec.card);
    const aThenB = trustAssignmentRoster(trustAssignmentRoster(anchor, a), b);
    const bThenA = trustAssignmentRoster(trustAssignmentRoster(anchor, b), a);
    const cards = trustCards(anchor, [x.card, y.card, z.card]);
    // Cards checked by hand first (x's card says expert, y's says leader), then the rosters.
    const cardsThenRosters = trustAssignmentRoster(trustAssignmentRoster(cards, a), b);
    for (const store of [aThenB, bThenA, cardsThenRosters]) {
      expect(roleFor(store.keys.get(x.card.keyId)!, 'panel-a')).toBe('expert');
      expect(roleFor(store.keys.get(x.card.keyId)!, 'panel-b')).toBe('leader');
      expect(await verdict(await reportFor('panel-b', x, y), store)).toBe('ok');
      expect(await verdict(await reportFor('panel-a', x, y), store)).toBe('untrusted-signer');
      expect(await verdict(await reportFor('panel-a', y, x), store)).toBe('ok');
      expect(await verdict(await reportFor('panel-b', y, x), store)).toBe('untrusted-signer');
    }
    // A roster-only key is trusted for no panel it is not on; a card's own role covers the rest.
    expect(roleFor(aThenB.keys.get(z.card.keyId)!, 'panel-c')).toBeNull();
    expect(roleFor(cardsThenRosters.keys.get(y.card.keyId)!, 'panel-c')).toBe('leader');
    // The anchor keeps its role even if a roster (wrongly) names its key.
    const odd = trustAssignmentRoster(anchor, roster('panel-c', sec, [x, z]));
    expect(roleFor(odd.keys.get(sec.card.keyId)!, 'panel-c')).toBe('secretariat');
  });
});
