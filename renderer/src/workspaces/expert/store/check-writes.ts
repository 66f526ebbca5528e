import { isExclusionNumber } from '../../../../../shared/regulation/exclusions.js';
import { SITE_ISSUE_STATUSES, type ExclusionStatus, type SiteIssueStatus } from '../../../db/records.js';
import { cleanText, MAX_NOTE_CHARS, ReviewWriteError, stamp, type WriteContext } from './write-context.js';

/** Records what the site visit found for one issue to verify (现场核查要点). */
export async function setSiteIssueStatus(ctx: WriteContext, reviewId: string, issueId: string, status: SiteIssueStatus, note: string, evidence = ''): Promise<void> {
  if (!SITE_ISSUE_STATUSES.includes(status)) throw new ReviewWriteError(`unknown site-issue status ${String(status)}`);
  const clean = cleanText(note, 'the finding', MAX_NOTE_CHARS, false);
  const cleanEvidence = cleanText(evidence, 'the evidence', 2000, false);
  const { db } = ctx;
  await db.transaction('rw', [db.reviews, db.siteIssueStatus], async () => {
    const review = await db.reviews.get(reviewId);
    if (!review) throw new ReviewWriteError(`review ${reviewId} does not exist`);
    if (!review.assignment.siteIssues.some((i) => i.id === issueId)) throw new ReviewWriteError(`site issue ${issueId} is not in this review`);
    await db.siteIssueStatus.put({ reviewId, issueId, status, note: clean, evidence: cleanEvidence, ...stamp(ctx) });
  });
}

/**
 * Confirms an Art. 14 exclusion clear or flags it. A flag ends the review whatever the
 * score, so it must say what was found.
 */
export async function setExclusionCheck(ctx: WriteContext, reviewId: string, number: number, status: ExclusionStatus, note: string): Promise<void> {
  if (!isExclusionNumber(number)) throw new ReviewWriteError(`Art. 14 has no exclusion ${number}`);
  if (status !== 'clear' && status !== 'flagged') throw new ReviewWriteError(`unknown exclusion status ${String(status)}`);
  const clean = cleanText(note, 'the note', MAX_NOTE_CHARS, false);
  if (status === 'flagged' && clean.length === 0) throw new ReviewWriteError(`a flagged exclusion needs a note saying what was found (Art. 14 (${number}))`);
  const { db } = ctx;
  await db.transaction('rw', [db.reviews, db.exclusionChecks], async () => {
    if (!(await db.reviews.get(reviewId))) throw new ReviewWriteError(`review ${reviewId} does not exist`);
    await db.exclusionChecks.put({ reviewId, number, status, note: clean, ...stamp(ctx) });
  });
}
