import type { TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { countersignReport, receiveReportForSigning } from '../../shared/workflow/countersign-report.js';
import type { Clock } from '../../shared/workflow/ports/clock.js';
import type { KeyHolder } from '../../shared/workflow/ports/keys.js';
import type { SignedReport } from '../../shared/workflow/produce-report.js';
import { receiveCountersignature, type ReceivedCountersignature } from '../../shared/workflow/receive-countersignature.js';

/**
 * Countersigning in one process, for the tests and the fuzz seeds: each member's device
 * receives the report for signing (the leader's signature checked) and countersigns it with
 * the app's steps; the leader's device takes each countersignature in. `zqa demo` and the
 * cycle harness do the same over files. Every member agrees unless `opinions` names a
 * reservation (有保留意见, with its reason) or an absence (the member does not sign).
 */
export interface Signer {
  keys: KeyHolder;
  card: { keyId: string };
}

export async function countersignInMemory(
  report: SignedReport,
  assignment: AssignmentContent,
  members: readonly Signer[],
  leader: Signer,
  ports: { trust: TrustStore; clock: Clock },
  opinions: { reservation?: { keyId: string; reason: string }; absentKeyId?: string; /** The members' countersignature revision before this one (0: none). */ lastRevision?: number } = {},
): Promise<{ packages: Uint8Array[]; received: ReceivedCountersignature[] }> {
  const packages: Uint8Array[] = [];
  const received: ReceivedCountersignature[] = [];
  const held = { forPanel: () => Promise.resolve({ reviewId: assignment.panel.id, content: assignment }) };
  const heldRecords = heldRecordsFrom({ assignments: [assignment] });
  for (const m of members) {
    if (opinions.absentKeyId === m.card.keyId) continue;
    const got = await receiveReportForSigning(report.rfsPackage, { keys: m.keys, trust: ports.trust, history: NO_HISTORY, assignments: held, held: heldRecords, myKeyId: m.card.keyId });
    if (!got.ok) throw new Error(got.error.message);
    const reservation = opinions.reservation?.keyId === m.card.keyId ? opinions.reservation.reason : null;
    const signed = await countersignReport({ report: got.value.report, assignment, agrees: reservation === null, comment: reservation ?? '', lastRevision: opinions.lastRevision ?? 0 }, { keys: m.keys, clock: ports.clock, myKeyId: m.card.keyId });
    if (!signed.ok) throw new Error(signed.error.en);
    const taken = await receiveCountersignature(signed.value.written.bytes, { assignment, report }, { keys: leader.keys, trust: ports.trust, history: NO_HISTORY, held: heldRecords });
    if (!taken.ok) throw new Error(taken.error.message);
    packages.push(signed.value.written.bytes);
    received.push(taken.value);
  }
  return { packages, received };
}
