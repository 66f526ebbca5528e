import { describe, expect, it } from 'vitest';
import { demoAssignment, demoScoresheet } from '../../cli/lib/demo-content.js';
import { createParticipant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { consolidate } from '../../shared/consensus/consolidate.js';
import { newConsensusRecord } from '../../shared/consensus/new-consensus.js';
import { validateCriteriaSet } from '../../shared/criteria/validate-criteria-set.js';
import { buildReportDocument } from '../../shared/report/report-document.js';
import { reportInputFromPackages } from '../../shared/report/report-input-from-packages.js';
import { collectEvidencePhotos, printImage } from '../../shared/report/evidence-photos.js';
import { DEMO_PHOTO_CAPTIONS } from '../../cli/lib/demo-photos.js';

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

    const input = reportInputFromPackages({ assignment, scoresheets: sheets, consensus, reportDate: '2026-11-22', issuedAt: '2026-11-22T09:00:00Z' });
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
    // The plan's three days; each member's finding and evidence on every site issue; observations with their evidence parts.
    expect([input.value.schedule.siteVisitFrom, input.value.schedule.siteVisitTo]).toEqual(['2026-11-20', '2026-11-22']);
    expect(input.value.siteChecks).toHaveLength(assignment.siteIssues.length);
    expect(input.value.siteChecks![0]!.findings).toHaveLength(members.length);
    expect(input.value.siteChecks![0]!.findings[0]!.evidence).not.toBe('');
    expect(input.value.observations!.some((o) => typeof o.evidence !== 'string')).toBe(true);
    // A date after the visit is refused with the reason.
    const late = reportInputFromPackages({ assignment, scoresheets: sheets, consensus, reportDate: '2026-11-29', issuedAt: '2026-11-29T02:00:00Z' });
    if (!late.ok) throw new Error(late.error);
    expect(buildReportDocument(late.value)).toMatchObject({ ok: false, error: expect.stringMatching(/outside the review dates/) as unknown });
  });

  it('collects the members’ photos with caption, item and observation, as they are when print-size', async () => {
    const random = seededRandom(7);
    const secretariat = await createParticipant({ name: '秘书处', organisation: '郑州市市场监督管理局', role: 'secretariat' });
    const members = await Promise.all(['王一', '李二', '张三', '赵四', '钱五'].map((name, i) => createParticipant({ name, organisation: '河南省质量协会', role: i === 0 ? 'leader' : 'expert' })));
    const assignment = await demoAssignment({ random, secretariat: secretariat.card, secretariatKeys: secretariat.keys, members: members.map((m) => m.card), issuedAt: new Date('2026-11-20T01:00:00Z') });
    const built = await demoScoresheet({ random, assignment, expert: members[0]!.card, startedAt: new Date('2026-11-20T02:00:00Z'), sitePhotos: 1 });
    const files = new Map(built.files.map((f) => [f.entry, f.source]));
    const bytesOf = async (_k: string, id: string) => {
      const source = files.get(built.content.attachments.find((a) => a.id === id)!.entry);
      return source ? source.read(0, source.size) : null;
    };
    const photos = await collectEvidencePhotos([built.content], bytesOf, null);
    // The 1×1 stand-in is no photo; the two captioned site photos are, each with its item and observation.
    expect(photos.map((p) => p.caption)).toEqual([DEMO_PHOTO_CAPTIONS[0], DEMO_PHOTO_CAPTIONS[1]]);
    expect(photos.map((p) => p.itemId)).toEqual(['4.5.3', '4.4.4']);
    expect(photos[0]!.observation).toContain(DEMO_PHOTO_CAPTIONS[0]);
    expect(photos[0]!.image).toMatchObject({ mediaType: 'image/jpeg', width: 1024, height: 768 });
    // Too large to print as it is, and no downscaler on this host: listed without its image.
    const big = new Uint8Array(200 * 1024);
    big.set(photos[0]!.image!.bytes);
    expect(await printImage(big, 'image/jpeg', null)).toMatchObject({ image: null, omitted: expect.stringContaining('未嵌入') as unknown });
    const scaled = await printImage(big, 'image/jpeg', () => Promise.resolve(photos[1]!.image));
    expect(scaled.image?.bytes).toBe(photos[1]!.image!.bytes);
  });
});
