import type { TrustStore } from '../identity/trust-store.js';
import type { RosterMember } from '../packages/content/assignment.js';
import { packageError, type PackageError } from '../packages/errors.js';
import type { HeldRecords } from '../packages/held-records.js';
import type { PackageHistory } from '../packages/revision.js';
import { err, ok, type Result } from '../util/result.js';
import type { KeyHolder } from './ports/keys.js';
import { receivePackage, type Received } from './received.js';

/**
 * Receive an assignment (a panel member): verified as signed by the secretariat this device
 * trusts, opened with the member's key, its certificates checked; refused unless its roster
 * names this device and a leader, and unless its panel id is free or already this cycle's and
 * applicant's on this device. The caller keeps it: the review it opens, and the roster,
 * which from then on vouches for the panel's members on this device.
 */
export interface ReceivedAssignment {
  received: Received<'assignment'>;
  /** This device's place on the roster. */
  me: RosterMember;
  leader: RosterMember;
}

export interface ReceiveAssignmentPorts {
  keys: KeyHolder;
  trust: TrustStore;
  /** The assignments already held, by series (the panel's assignment from this secretariat). */
  history: PackageHistory;
  /** What the device already holds (docs/package-format.md §7). */
  held: HeldRecords;
  myKeyId: string;
}

export async function receiveAssignment(bytes: Uint8Array, ports: ReceiveAssignmentPorts): Promise<Result<ReceivedAssignment, PackageError>> {
  const received = await receivePackage(bytes, 'assignment', { keys: ports.keys, trust: ports.trust, history: ports.history, held: ports.held });
  if (!received.ok) return received;
  const { members } = received.value.content.panel;
  const me = members.find((m) => m.keyId === ports.myKeyId);
  if (!me) return err(packageError('not-a-recipient', `the assignment's roster does not name this device's key ${ports.myKeyId}`));
  const leader = members.find((m) => m.role === 'leader');
  if (!leader) return err(packageError('content-invalid', 'the roster names no leader'));
  // A review is kept per panel id: an assignment reusing a held panel id for another cycle or
  // applicant would put this review's scores under someone else, so it is refused instead.
  const { cycle, applicant, panel } = received.value.content;
  const other = (await ports.held.assignments(panel.id)).find((a) => a.cycle.id !== cycle.id || a.applicant.id !== applicant.id);
  if (other) {
    return err(packageError('wrong-subject', `an assignment for cycle ${cycle.id}, applicant ${applicant.id}; this device holds panel ${panel.id} for cycle ${other.cycle.id}, applicant ${other.applicant.id}`));
  }
  return ok({ received: received.value, me, leader });
}
