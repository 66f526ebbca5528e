import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../../db/database.js';
import type { ReportToSignRecord } from '../../../db/leader-records.js';
import { deviceKeyHolder } from '../../leader/store/leader-ports.js';
import { countersignReport } from './member-countersign.js';

// The countersigning page's store: the reports received for signing, their assignments, the
// countersignature itself (this device's key, this device's database) and the files.

export type { ReportToSignRecord } from '../../../db/leader-records.js';
export { useReportsToSign } from '../../leader/store/use-leader-data.js';
export { saveFile } from '../../leader/store/save-file.js';

/** The assignment of the review a report is for; undefined while read or when not on this device. */
export const useAssignmentOf = (reviewId: string) => useLiveQuery(() => getDatabase().panelAssignments.get(reviewId), [reviewId]);

/** Countersigns a report with this device's key, agreeing or with a reservation and its reason. */
export function countersign(record: ReportToSignRecord, me: { keyId: string; agrees: boolean; comment: string }) {
  return countersignReport(record, { db: getDatabase(), keys: deviceKeyHolder(), myKeyId: me.keyId, agrees: me.agrees, comment: me.comment, now: new Date() });
}
