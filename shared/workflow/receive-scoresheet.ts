import type { TrustStore } from '../identity/trust-store.js';
import type { AssignmentContent, RosterMember } from '../packages/content/assignment.js';
import { packageError, type PackageError } from '../packages/errors.js';
import { samePanelSubject, subjectOfAssignment, type HeldRecords } from '../packages/held-records.js';
import type { PackageHistory } from '../packages/revision.js';
import type { ByteSource } from '../packages/stream/byte-io.js';
import type { AttachmentStore, StreamImportOptions } from '../packages/stream/import-package-stream.js';
import { err, ok, type Result } from '../util/result.js';
import type { KeyHolder } from './ports/keys.js';
import { receivePackageStream, type StreamReceived } from './received.js';

/**
 * Receive a member's scoresheet (the leader): verified as signed by a member of the panel
 * (the roster of the assignment the device holds for its cycle, applicant and panel), opened,
 * its hash-chained history checked and shown to extend the one held from that member;
 * refused unless this device leads that panel and the sheet is scored against the panel's
 * criteria set. The caller keeps it as the member's latest, the older one in history.
 *
 * Read from a source a chunk at a time (format version 3; version 2 whole, within the in-memory
 * limits), each photo handed to `store` as it is decrypted and kept only once the whole package
 * has passed: a scoresheet of 1000 photos is never whole in memory.
 */
export interface ReceivedScoresheet<B> {
  received: StreamReceived<'scoresheet', B>;
  /** The review the leader's device holds for the panel. */
  reviewId: string;
  member: RosterMember;
}

export interface ReceiveScoresheetPorts {
  keys: KeyHolder;
  trust: TrustStore;
  /** The scoresheets already held, by series (panel and member). */
  history: PackageHistory;
  /** What the device already holds: the assignment the sheet is bound to, the member's last sheet. */
  held: HeldRecords;
  myKeyId: string;
  /** Native hashing and cipher where the host has them (import-package-stream.ts). */
  codecs?: Pick<StreamImportOptions, 'sha256' | 'crc32' | 'chunkCipher'>;
  /** The assignment this device holds for a panel, with its review; null when none. */
  assignmentFor(panelId: string): Promise<{ reviewId: string; content: AssignmentContent } | null>;
}

export async function receiveScoresheet<B>(source: ByteSource, ports: ReceiveScoresheetPorts, store: AttachmentStore<B>): Promise<Result<ReceivedScoresheet<B>, PackageError>> {
  const received = await receivePackageStream(source, 'scoresheet', { ...ports.codecs, keys: ports.keys, trust: ports.trust, history: ports.history, held: ports.held }, store);
  if (!received.ok) return received;
  const { manifest, content } = received.value;
  const panelId = manifest.subject.panelId ?? '';
  const held = await ports.assignmentFor(panelId);
  const leader = held?.content.panel.members.find((m) => m.role === 'leader');
  // Filed under the review of exactly its cycle, applicant and panel (the importer bound it).
  if (!held || !samePanelSubject(subjectOfAssignment(held.content), content) || leader?.keyId !== ports.myKeyId) return err(packageError('wrong-type', `this device does not lead panel ${panelId}: only the panel leader imports members' scoresheets`));
  const member = held.content.panel.members.find((m) => m.keyId === manifest.sender.keyId);
  if (!member) return err(packageError('untrusted-signer', `${manifest.sender.name} is not on panel ${panelId}`));
  if (content.criteriaSetId !== held.content.criteriaSet.id) {
    return err(packageError('content-invalid', `scored against criteria set ${content.criteriaSetId}, the panel uses ${held.content.criteriaSet.id}`));
  }
  return ok({ received: received.value, reviewId: held.reviewId, member });
}
