import type { PaperScoresheetInput } from '../../../../../shared/paper-scoresheet/paper-scoresheet-input.js';
import { scoresAndChecks } from '../../../../../shared/workflow/build-scoresheet.js';
import { fileNames } from '../../../../../shared/workflow/file-names.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import { getDatabase } from '../../../db/database.js';
import { readScoresheet } from './scoresheet-snapshot.js';
import { getHost } from '../../../host/get-host.js';
import { loadReportFonts } from '../../../report/render-report.js';

/**
 * The paper scoresheet of a review, blank or filled with this device's work, saved through the
 * host's dialog. pdfmake and the fonts load on first use, as for the report.
 */
export async function savePaperScoresheet(reviewId: string, filled: boolean, now = new Date()): Promise<Result<{ savedAs: string } | null, string>> {
  const snapshot = await readScoresheet(getDatabase(), reviewId);
  if (!snapshot) return err(`评审 ${reviewId} 不存在`);
  const { assignment, expert } = snapshot.review;
  const input: PaperScoresheetInput = {
    set: assignment.criteriaSet,
    cycleName: assignment.cycle.name,
    applicantName: assignment.applicant.name,
    expertName: expert.name,
    printedAt: now.toISOString(),
    ...(filled ? { filled: scoresAndChecks(snapshot, assignment.criteriaSet) } : {}),
  };
  const [{ renderPaperScoresheetPdf }, fonts] = await Promise.all([import('../../../../../shared/paper-scoresheet/render-paper-scoresheet.js'), loadReportFonts()]);
  const pdf = await renderPaperScoresheetPdf(input, fonts);
  const saved = await getHost().files.save({ kind: 'pdf', suggestedName: fileNames.paperScoresheetPdf(assignment.applicant.name, expert.name, filled), bytes: new Uint8Array(pdf) });
  return saved.ok ? ok(saved.value) : err(saved.error.message);
}
