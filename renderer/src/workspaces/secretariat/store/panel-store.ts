import { checkPanel, type PanelProblem } from '../../../../../shared/panel/panel-rules.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { PanelRow } from '../../../db/secretariat-records.js';
import { nowIso } from './messages.js';

/**
 * A panel for one applicant, checked by the domain (size, leader a member, confirmed keys,
 * recusal with its reason). A refused panel is not stored; the problems go back to the form.
 */
export interface PanelInput {
  cycleId: string;
  applicantId: string;
  memberIds: string[];
  leaderId: string;
}

function panelIdFor(applicantId: string): string {
  return `panel-${applicantId}`.slice(0, 64);
}

/** The review date recusal counts back from: the cycle's, else today in China. */
export function reviewDateOf(cycleReviewDate: string | undefined, now = new Date()): string {
  return cycleReviewDate ?? new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export async function savePanel(db: ZqaDatabase, input: PanelInput, actor: string): Promise<Result<PanelRow, PanelProblem[]>> {
  return db.transaction('rw', [db.secPanels, db.secCycles, db.secApplicants, db.secExperts], async () => {
    const cycle = await db.secCycles.get(input.cycleId);
    const applicant = await db.secApplicants.get(input.applicantId);
    if (!cycle || !applicant) throw new Error('unknown cycle or applicant');
    const pool = (await db.secExperts.toArray()).map((e) => e.expert);
    const profile = applicant.record.profile;
    const checked = checkPanel(
      { applicantId: input.applicantId, memberIds: input.memberIds, leaderId: input.leaderId },
      { rules: cycle.cycle.rules, pool, applicant: { name: profile.name, creditCode: profile.creditCode }, reviewDate: reviewDateOf(cycle.cycle.reviewDate) },
    );
    if (!checked.ok) return err(checked.error);
    const id = panelIdFor(input.applicantId);
    const row: PanelRow = {
      id,
      cycleId: input.cycleId,
      applicantId: input.applicantId,
      name: `${profile.name}评审组`,
      memberIds: checked.value.memberIds,
      leaderId: checked.value.leaderId,
      updatedAt: nowIso(),
      updatedBy: actor,
    };
    await db.secPanels.put(row);
    return ok(row);
  });
}
