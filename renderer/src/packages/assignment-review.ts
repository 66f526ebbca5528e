import { reviewAssignmentSchema, type ReviewAssignment } from '../../../shared/demo/review-assignment.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import { err, ok, type Result } from '../../../shared/util/result.js';

/**
 * An assignment package's content (shared/packages/content/assignment.ts, the secretariat's
 * shape, with keys) as the review screens know a review (shared/demo/review-assignment.ts,
 * the shape the demo and the scoresheet are built on). The two were written apart; this is
 * the one place that reconciles them:
 * - the review id is the panel id (a member sits on one panel per applicant);
 * - panel members are named by key id, which is also the scoresheet's `actor`;
 * - fields the package may leave empty but the review screens show (industry, address,
 *   contact, profile) read "—" rather than refusing an otherwise good assignment;
 * - one free-text contact becomes the contact name; the phone is "—";
 * - the schedule's first and last dates become the on-site days (the issue date when none);
 * - a member's title, which the roster does not carry, is their role on the panel.
 * Anything the review shape cannot hold (e.g. more site issues than it allows) is refused.
 */
export function reviewIdOf(content: Pick<AssignmentContent, 'panel'>): string {
  return content.panel.id;
}

const orDash = (s: string) => (s.trim() === '' ? '—' : s.trim());

export function reviewAssignmentFromContent(content: AssignmentContent): Result<ReviewAssignment, string> {
  const dates = content.schedule.map((s) => s.date).sort();
  const issued = content.issuedAt.slice(0, 10);
  const candidate: ReviewAssignment = {
    id: reviewIdOf(content),
    cycle: { id: content.cycle.id, name: content.cycle.name, year: content.cycle.year },
    applicant: {
      id: content.applicant.id,
      name: content.applicant.name,
      creditCode: content.applicant.creditCode,
      industry: orDash(content.applicant.industry),
      address: orDash(content.applicant.address),
      contactName: orDash(content.applicant.contact).slice(0, 100),
      contactPhone: '—',
      summary: orDash(content.applicant.profile).slice(0, 4000),
    },
    criteriaSet: content.criteriaSet,
    rules: content.rules,
    materialReview: Object.fromEntries(content.materialReview.scores.map((s) => [s.itemId, s.percent])),
    siteIssues: content.siteIssues.map((s) => ({ id: s.id, itemId: s.itemId, text: s.text })),
    panel: content.panel.members.map((m) => ({
      id: m.keyId,
      name: m.name,
      organisation: orDash(m.organisation),
      title: m.role === 'leader' ? '评审组长' : '评审专家',
      role: m.role === 'leader' ? ('leader' as const) : ('member' as const),
    })),
    schedule: { from: dates[0] ?? issued, to: dates[dates.length - 1] ?? issued },
  };
  const parsed = reviewAssignmentSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`the assignment cannot be shown as a review: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`);
  }
  return ok(parsed.data);
}
