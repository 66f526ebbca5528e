import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../../db/database.js';
import type { PanelAssignmentRecord } from '../../../db/package-records.js';
import type { ConsensusStateRecord, FinalisationRecord, ReceivedCountersignatureRecord, ReportArtefactRecord, ReportToSignRecord } from '../../../db/leader-records.js';
import type { ReceivedSheet } from '../../../../../shared/workflow/consolidate.js';

/**
 * Live reads for the leader's screens, each in one transaction so a screen never mixes two
 * moments. `undefined` means still loading.
 */
export function useLedAssignments(keyId: string | null): PanelAssignmentRecord[] | undefined {
  return useLiveQuery(async () => {
    if (!keyId) return [];
    const rows = await getDatabase().panelAssignments.where('leaderKeyId').equals(keyId).toArray();
    return rows.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }, [keyId]);
}

export interface LeaderPanelData {
  sheets: ReceivedSheet[];
  consensus: ConsensusStateRecord | null;
  report: ReportArtefactRecord | null;
  countersignatures: ReceivedCountersignatureRecord[];
  finalisation: FinalisationRecord | null;
  edits: number;
  /** Independence: the leader sees the members' scores only after exporting a signed scoresheet of their own. */
  ownSheetExported: boolean;
}

export function useLeaderPanelData(reviewId: string): LeaderPanelData | undefined {
  return useLiveQuery(() => {
    const db = getDatabase();
    return db.transaction('r', [db.memberScoresheets, db.consensusStates, db.reportArtefacts, db.receivedCountersignatures, db.finalisations, db.consensusEdits, db.scoresheetExports], async () => {
      const [sheets, consensus, reports, countersignatures, finalisation, edits, exports] = await Promise.all([
        db.memberScoresheets.where('reviewId').equals(reviewId).toArray(),
        db.consensusStates.get(reviewId),
        db.reportArtefacts.where('reviewId').equals(reviewId).sortBy('createdAt'),
        db.receivedCountersignatures.where('reviewId').equals(reviewId).toArray(),
        db.finalisations.get(reviewId),
        db.consensusEdits.where('reviewId').equals(reviewId).count(),
        db.scoresheetExports.where('reviewId').equals(reviewId).count(),
      ]);
      return {
        sheets: sheets.map((s) => ({ memberKeyId: s.memberKeyId, revision: s.revision, receivedAt: s.receivedAt, content: s.content })),
        consensus: consensus ?? null,
        report: reports.at(-1) ?? null,
        countersignatures,
        finalisation: finalisation ?? null,
        edits,
        ownSheetExported: exports > 0,
      };
    });
  }, [reviewId]);
}

/** A member's reports to countersign, newest first. */
export function useReportsToSign(): ReportToSignRecord[] | undefined {
  return useLiveQuery(async () => (await getDatabase().reportsToSign.toArray()).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)));
}
