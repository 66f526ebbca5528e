import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../../db/database.js';
import { criteriaSetById, listCriteriaSets } from './criteria-store.js';
import { listCycles } from './cycle-store.js';
import { loadOverview } from './overview.js';

// The secretariat's screens read the database only through these hooks: each re-reads when a
// table it read changes (Dexie's live queries) and is undefined until its first answer.

export const useCycles = () => useLiveQuery(() => listCycles(getDatabase()), []);
export const useCycle = (id: string | undefined) => useLiveQuery(() => (id ? getDatabase().secCycles.get(id) : undefined), [id]);
export const useApplicant = (id: string) => useLiveQuery(() => getDatabase().secApplicants.get(id), [id]);
export const useApplicants = (cycleId: string) => useLiveQuery(() => getDatabase().secApplicants.where('cycleId').equals(cycleId).toArray(), [cycleId]);
export const useExperts = () => useLiveQuery(() => getDatabase().secExperts.toArray(), []);
export const useStaff = () => useLiveQuery(() => getDatabase().secStaff.toArray(), []);
export const usePanels = (cycleId: string) => useLiveQuery(() => getDatabase().secPanels.where('cycleId').equals(cycleId).toArray(), [cycleId]);
export const useAssignments = (cycleId: string) => useLiveQuery(() => getDatabase().secAssignments.where('cycleId').equals(cycleId).toArray(), [cycleId]);
export const useSummaries = (cycleId: string) => useLiveQuery(() => getDatabase().secSummaries.where('cycleId').equals(cycleId).toArray(), [cycleId]);
/** The criteria sets imported from files (the built-in ones are in shared/criteria/). */
export const useImportedCriteriaSets = () => useLiveQuery(() => getDatabase().secCriteriaSets.toArray(), []);
/** Every criteria set a cycle may choose, built-in and imported. */
export const useCriteriaSets = () => useLiveQuery(() => listCriteriaSets(getDatabase()), []);
export const useCriteriaSet = (id: string) => useLiveQuery(() => criteriaSetById(getDatabase(), id), [id]);
export const useOverview = (cycleId: string) => useLiveQuery(() => loadOverview(getDatabase(), cycleId), [cycleId]);

/** The cycle's panel returns as the returns list shows them: the counts, not the content. */
export const usePanelReturns = (cycleId: string) =>
  useLiveQuery(
    async () =>
      (await getDatabase().secPanelReturns.where('cycleId').equals(cycleId).toArray()).map(({ id, panelId, applicantId, revision, receivedAt, receivedBy, current, fileName, reportSha256, content, signOff }) => ({
        id, panelId, applicantId, revision, receivedAt, receivedBy, current, fileName, reportSha256, signOff,
        members: content.scoresheets.length,
        countersigned: content.countersignatures.length,
      })),
    [cycleId],
  );

/** What the public-notice tab shows, read together. */
export const useNoticeData = (cycleId: string) =>
  useLiveQuery(async () => {
    const db = getDatabase();
    return {
      overview: await loadOverview(db, cycleId),
      notice: await db.secNotices.get(cycleId),
      complaints: await db.secComplaints.where('cycleId').equals(cycleId).toArray(),
      stages: new Map((await db.secApplicants.where('cycleId').equals(cycleId).toArray()).map((a) => [a.id, a.record.stage])),
      // Read with the data: the states shown are as of the last change (a move re-checks them anyway).
      now: Date.now(),
    };
  }, [cycleId]);
