import { describe, expect, it } from 'vitest';
import { createParticipant, type Participant } from '../../cli/lib/demo-participant.js';
import { applicantProfileSchema } from '../../shared/applicant/applicant-profile.js';
import { creditCodeCheckCharacter } from '../../shared/applicant/credit-code.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { issueAssignment, type AssignmentRequest } from '../../shared/workflow/issue-assignment.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { steppingClock } from '../../shared/workflow/ports/clock.js';
import { receiveAssignment } from '../../shared/workflow/receive-assignment.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';

const first17 = '91410100MA4567890';
const profile = applicantProfileSchema.parse({
  id: 'app-1', name: '郑州/恒信精密制造有限公司', creditCode: first17 + creditCodeCheckCharacter(first17), industry: '装备制造', address: '郑州市经开区第九大街 88 号',
  contact: { name: '王经理', phone: '0371-66668888', email: 'wang@example.com' },
});

async function people(): Promise<{ secretariat: Participant; members: Participant[] }> {
  const secretariat = await createParticipant({ name: '秘书处', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
  const members: Participant[] = [];
  for (let i = 0; i < 5; i++) members.push(await createParticipant({ name: `专家${i + 1}`, organisation: '郑州大学', role: 'expert' }));
  return { secretariat, members };
}

function request(members: Participant[], overrides: Partial<AssignmentRequest> = {}): AssignmentRequest {
  return {
    cycle: { id: 'zz-2026', name: '2026年度郑州市市长质量奖', year: 2026, rules: rulesFromPreset('draft-2021', 0), reviewDate: '2026-06-10' },
    applicant: { profile, materialReview: { percentByItem: Object.fromEntries(itemsOf(GBT19580_2012).map((i) => [i.id, 55])), siteVisitIssues: [{ itemId: '4.7.4', text: '核实财务报表' }, { text: '核实有无重大事故' }] } },
    panel: { id: 'panel-1', name: '第一评审组', leaderKeyId: members[0]!.card.keyId },
    members: members.map((m) => ({ card: m.card, fingerprintConfirmed: true })),
    criteriaSet: GBT19580_2012,
    previous: null,
    ...overrides,
  };
}

describe('issue an assignment (shared/workflow/issue-assignment.ts)', () => {
  it('names every problem at once and certifies no one while any remains', async () => {
    const { secretariat, members } = await people();
    const certificates = memoryCertificateStore();
    const ports = { keys: secretariat.keys, clock: steppingClock(new Date(Date.UTC(2026, 5, 1))), secretariat: secretariat.card, certificates };
    const refused = await issueAssignment(
      request(members, {
        cycle: { id: 'zz-2026', name: '届', year: 2026, rules: { ...rulesFromPreset('draft-2021', 0), divergenceLimitPoints: 3 }, reviewDate: undefined },
        applicant: { profile },
        members: [{ card: members[0]!.card, fingerprintConfirmed: false }, undefined],
        panel: { id: 'panel-1', name: '组', leaderKeyId: 'f'.repeat(32) },
      }),
      ports,
    );
    expect(refused.ok ? [] : refused.error.map((e) => e.en)).toEqual([
      expect.stringMatching(/no material-review result/),
      expect.stringMatching(/the cycle's rules: divergenceLimitPoints: must be at least 5/),
      expect.stringMatching(/not in the pool or not confirmed/),
      expect.stringMatching(/leader is not a member/),
    ]);
    expect(await certificates.root()).toBeNull();
  });

  it('issues the assignment every member opens, and a re-issue as the next revision superseding it', async () => {
    const { secretariat, members } = await people();
    const ports = { keys: secretariat.keys, clock: steppingClock(new Date(Date.UTC(2026, 5, 1))), secretariat: secretariat.card, certificates: memoryCertificateStore() };
    const issued = await issueAssignment(request(members), ports);
    if (!issued.ok) throw new Error(issued.error.map((e) => e.en).join());
    const { content, written } = issued.value;
    expect(issued.value.revision).toBe(1);
    expect(issued.value.fileName).toBe('评审任务-郑州_恒信精密制造有限公司-第1版.zqa');
    expect(content.applicant.contact).toBe('王经理 0371-66668888 wang@example.com');
    expect(content.siteIssues).toEqual([{ id: 'issue-1', itemId: '4.7.4', text: '核实财务报表' }, { id: 'issue-2', itemId: null, text: '核实有无重大事故' }]);
    expect(content.schedule.map((s) => [s.date, s.activity])).toEqual([['2026-06-10', '首次会议'], ['2026-06-10', '现场评审']]);
    expect(content.panel.members.map((m) => m.role)).toEqual(['leader', 'expert', 'expert', 'expert', 'expert']);
    expect(content.certificates.members.map((m) => m.keyId)).toEqual(members.map((m) => m.card.keyId));
    // The id a receiver stores it under is the SHA-256 of the manifest.json it holds.
    const zip = readStoredZip(written.bytes, DEFAULT_PACKAGE_LIMITS);
    if (!zip.ok) throw new Error(zip.error.message);
    expect(issued.value.manifestSha256).toBe(await sha256Hex(zip.value.find((e) => e.name === 'manifest.json')!.data));

    const trust = trustStoreFromAnchorCard(secretariat.card);
    for (const m of members) {
      const r = await receiveAssignment(written.bytes, { keys: m.keys, trust, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [] }), myKeyId: m.card.keyId });
      expect(r.ok && r.value.leader.keyId).toBe(members[0]!.card.keyId);
    }
    // The secretariat is a recipient (it rereads what it issued) but not on the roster.
    expect(await receiveAssignment(written.bytes, { keys: secretariat.keys, trust, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [] }), myKeyId: secretariat.card.keyId })).toMatchObject({ ok: false, error: { code: 'not-a-recipient' } });

    const again = await issueAssignment(request(members, { previous: { packageId: written.manifest.packageId, revision: 1 } }), ports);
    expect(again.ok && [again.value.revision, again.value.written.manifest.supersedes]).toEqual([2, written.manifest.packageId]);
    // The same certificates: issued once per expert.
    expect(again.ok && again.value.content.certificates).toEqual(content.certificates);
  });
});
