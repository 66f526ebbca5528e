import type { CriteriaSet } from '../../../../../shared/criteria/criteria-set.js';
import type { KeyHolder } from '../../../../../shared/crypto/key-holder.js';
import { getDatabase } from '../../../db/database.js';
import { bridgeKeyHolder } from '../../../device/bridge-key-holder.js';
import { getHost } from '../../../host/get-host.js';
import { ensureConsensus, verifyConsensusTrail, type LeaderWriteContext } from './consensus-store.js';

// What the leader's screens hand to the workflow steps: this device's database as the write
// context, and its key as the signer. The screens get them here, never from db/ or host/.

export type { PanelAssignmentRecord } from '../../../db/package-records.js';
export type { ReportArtefactRecord, ReportToSignRecord } from '../../../db/leader-records.js';

/** The leader's writes on this device, stamped with who and when. */
export function leaderWriteContext(actor: string): LeaderWriteContext {
  return { db: getDatabase(), actor, now: () => new Date() };
}

/** This device's key, which signs through the host (it never leaves it). */
export function deviceKeyHolder(): KeyHolder {
  return bridgeKeyHolder(getHost().keys);
}

/** Opens the panel's consensus from the members' scoresheets, once. */
export function openConsensus(actor: string, reviewId: string, criteriaSet: CriteriaSet) {
  return ensureConsensus(leaderWriteContext(actor), reviewId, criteriaSet);
}

/** Re-checks the consensus's hash-chained edit log. */
export function checkConsensusTrail(reviewId: string, criteriaSet: CriteriaSet) {
  return verifyConsensusTrail(getDatabase(), reviewId, criteriaSet);
}
