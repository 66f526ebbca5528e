import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../../db/database.js';
import { primedKeys, usePrimedLiveQuery } from '../../../db/primed-reads.js';
import type { MemberScoresheetRecord, PanelAssignmentRecord, ReceivedPackageRecord, ScoresheetExportRecord } from '../../../db/package-records.js';

/**
 * Live reads of the package tables, for the expert's, the leader's and the secretariat's
 * screens. `undefined` means "still loading"; each re-renders when an import commits.
 */

/** Each member's latest verified scoresheet for a review (the leader's device), by member name. */
export function useMemberScoresheets(reviewId: string): MemberScoresheetRecord[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDatabase().memberScoresheets.where('reviewId').equals(reviewId).toArray();
    return rows.sort((a, b) => a.memberName.localeCompare(b.memberName, 'zh-CN'));
  }, [reviewId]);
}

/** Every package this device accepted, newest first (superseded ones included, marked). */
export function useReceivedPackages(): ReceivedPackageRecord[] | undefined {
  return useLiveQuery(async () => (await getDatabase().receivedPackages.toArray()).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)));
}

/** The verified assignment behind a review (null for the demo or a review without one). */
export async function readPanelAssignment(reviewId: string): Promise<PanelAssignmentRecord | null> {
  return (await getDatabase().panelAssignments.get(reviewId)) ?? null;
}

export function usePanelAssignment(reviewId: string): PanelAssignmentRecord | null | undefined {
  return usePrimedLiveQuery(primedKeys.panelAssignment(reviewId), () => readPanelAssignment(reviewId), [reviewId]);
}


/** This device's scoresheet exports for a review, oldest first. */
export function readScoresheetExports(reviewId: string): Promise<ScoresheetExportRecord[]> {
  return getDatabase().scoresheetExports.where('[reviewId+revision]').between([reviewId, Dexie.minKey], [reviewId, Dexie.maxKey]).toArray();
}

export function useScoresheetExports(reviewId: string): ScoresheetExportRecord[] | undefined {
  return usePrimedLiveQuery(primedKeys.scoresheetExports(reviewId), () => readScoresheetExports(reviewId), [reviewId]);
}

/**
 * Independence (docs/domain.md §2): has this member exported a signed scoresheet for the review? Until
 * then they see only their own scores; the leader's workspace reads this before showing others'.
 */
export function useHasExported(reviewId: string): boolean | undefined {
  return useLiveQuery(async () => (await getDatabase().scoresheetExports.where('reviewId').equals(reviewId).count()) > 0, [reviewId]);
}
