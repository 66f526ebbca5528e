import type { ZqaDatabase } from '../../../db/database.js';
import type { FinalisationRecord } from '../../../db/leader-records.js';

const empty = (reviewId: string, at: string, by: string): FinalisationRecord => ({
  reviewId,
  excused: {},
  panelReturnPackageId: null,
  panelReturnRevision: 0,
  reportId: null,
  finalisedAt: null,
  updatedAt: at,
  updatedBy: by,
});

/** Records (or, with empty text, withdraws) the reason a member could not countersign. */
export async function setExcuse(db: ZqaDatabase, reviewId: string, memberKeyId: string, reason: string, actor: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.finalisations, async () => {
    const current = (await db.finalisations.get(reviewId)) ?? empty(reviewId, at, actor);
    const excused = { ...current.excused };
    if (reason.trim()) excused[memberKeyId] = reason.trim();
    else delete excused[memberKeyId];
    await db.finalisations.put({ ...current, excused, updatedAt: at, updatedBy: actor });
  });
}

/** Notes the panel return that was written and saved, so the next one is a new revision superseding it. */
export async function recordPanelReturn(db: ZqaDatabase, reviewId: string, packageId: string, revision: number, reportId: string, actor: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.finalisations, async () => {
    const current = (await db.finalisations.get(reviewId)) ?? empty(reviewId, at, actor);
    await db.finalisations.put({ ...current, panelReturnPackageId: packageId, panelReturnRevision: revision, reportId, finalisedAt: at, updatedAt: at, updatedBy: actor });
  });
}
