import { validateCriteriaSet } from '../../../shared/criteria/validate-criteria-set.js';
import { reviewAssignmentSchema } from '../../../shared/demo/review-assignment.js';
import type { ZqaDatabase } from './database.js';
import type { ReviewRecord } from './records.js';

class AddReviewError extends Error {
  override name = 'AddReviewError';
}

/**
 * Stores a review from an assignment (the package importer calls this inside its own
 * transaction, or on its own). Validates the assignment and its criteria set first; the
 * expert must be on the assignment's panel. An existing review with the same id is left
 * alone: its scores belong to the expert, and a newer assignment revision is the
 * importer's decision, not a silent overwrite.
 * @returns whether the review was added
 */
export async function addReviewFromAssignment(db: ZqaDatabase, input: unknown, expertId: string, now: Date = new Date()): Promise<boolean> {
  const parsed = reviewAssignmentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AddReviewError(`the assignment is not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`);
  }
  const assignment = parsed.data;
  const criteria = validateCriteriaSet(assignment.criteriaSet);
  if (!criteria.ok) throw new AddReviewError(`the assignment's criteria set is not valid: ${criteria.error.map((e) => e.message).join('; ')}`);
  const member = assignment.panel.find((m) => m.id === expertId);
  if (!member) throw new AddReviewError(`expert ${expertId} is not on this assignment's panel`);
  const at = now.toISOString();
  const record: ReviewRecord = {
    id: assignment.id,
    assignment,
    expert: { id: member.id, name: member.name, organisation: member.organisation },
    source: 'assignment',
    createdAt: at,
    updatedAt: at,
    updatedBy: expertId,
  };
  return db.transaction('rw', db.reviews, async () => {
    if (await db.reviews.get(record.id)) return false;
    await db.reviews.add(record);
    return true;
  });
}
