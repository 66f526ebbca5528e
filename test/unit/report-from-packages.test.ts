import { describe, expect, it } from 'vitest';
import { demoAssignment, demoScoresheet } from '../../cli/lib/demo-content.js';
import { createParticipant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { consolidate } from '../../shared/consensus/consolidate.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { validateCriteriaSet } from '../../shared/criteria/validate-criteria-set.js';
import { buildReportDocument } from '../../shared/report/report-document.js';
import { reportInputFromPackages } from '../../shared/report/report-input-from-packages.js';

describe('report input from what the packages carry', () => {
  it('maps the assignment, the members’ scoresheets and the consensus onto a report', async () => {
    const random = seededRandom(7);
    const secretariat = await createParticipant({ name: '秘书处', organisation: '郑州市市场监督管理局', role: 'secretariat' });
    const members = await Promise.all(
      ['王建国', '张明华', '李秀英', '赵志刚', '陈丽娟'].map((name, i) => createParticipant({ name, organisation: '河南省质量协会', role: i === 0 ? 'leader' : 'expert' })),
    );
    const assignment = await demoAssignment({ random, secretariat: secretariat.card, secretariatKeys: secretariat.keys, members: members.map((m) => m.card), issuedAt: new Date('2026-11-20T01:00:00Z') });
    const sheets = await Promise.all(members.map(async (m) => (await demoScoresheet({ random, assignment, expert: m.card, startedAt: new Date('2026-11-25T01:00:00Z') })).content));
    const set = validateCriteriaSet(assignment.criteriaSet);
    if (!set.ok) throw new Error('demo assignment has a bad criteria set');
    const consensus = newConsensusRecord(set.value);
    for (const item of consensus.items) item.percent = 55;
    for (const e of consensus.exclusions) e.status = 'clear';

    const input = reportInputFromPackages({ assignment, scoresheets: sheets, consensus, reportDate: '2026-11-29', issuedAt: '2026-11-29T02:00:00Z' });
    expect(input.ok).toBe(true);
    if (!input.ok) return;
    expect(input.value.roster.map((m) => m.memberId)).toEqual(members.map((m) => m.card.keyId));
    // The report applies and states the rules the assignment carries.
    expect(input.value.rules).toEqual({
      awardThresholdPoints: assignment.rules.awardThresholdPoints,
      nominationMinimumPoints: assignment.rules.nominationMinimumPoints,
      divergenceLimitPoints: assignment.rules.divergenceLimitPoints,
      panelSizeMin: assignment.rules.panelSizeMin,
      panelSizeMax: assignment.rules.panelSizeMax,
    });
    const c = consolidate({ criteriaSet: input.value.criteriaSet, roster: input.value.roster, scoresheets: input.value.scoresheets, divergenceLimit: input.value.rules.divergenceLimitPoints });
    expect(c.missingMembers).toEqual([]);
    const first = sheets[0]!.items[0]!;
    expect(c.rows[0]!.cells[0]!.percent).toBe(first.percent);
    const doc = buildReportDocument(input.value);
    expect(doc.ok, doc.ok ? '' : doc.error).toBe(true);
  });
});
