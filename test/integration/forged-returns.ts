/**
 * Hostile packages for the cycle tests, made the way a dishonest member and leader could make
 * them with their own keys: genuinely signed, but saying what the app would never let them
 * send. The app's steps refuse to build these, so they are put together here by hand.
 */
import { heldRecordsFrom } from '../../shared/packages/held-records.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Participant } from '../../cli/lib/demo-participant.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { countersign } from '../../shared/pki/countersignature.js';
import { sha256Hex, toBase64 } from '../../shared/util/bytes.js';
import { signPortOf } from '../../shared/workflow/ports/keys.js';
import { receivePackage } from '../../shared/workflow/received.js';

/**
 * Replaces, in the panel return at `returnFile`, the countersignature `countersignatureFile`
 * holds with one its member signed over other bytes, and has the leader sign the return again.
 */
export async function forgeCountersignature(returnFile: string, countersignatureFile: { file: string }, ctx: { dir: string; assignment: AssignmentContent; leader: Participant; member: Participant }): Promise<void> {
  const { assignment, leader, member } = ctx;
  const trust = trustAssignmentRoster(trustStoreFromAnchorCard({ ...assignment.secretariat, role: 'secretariat' }), assignment);
  const genuine = await receivePackage(new Uint8Array(await readFile(returnFile)), 'panel-return', { keys: leader.keys, trust, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [assignment] }) });
  if (!genuine.ok) throw new Error(genuine.error.message);
  const original = await receivePackage(new Uint8Array(await readFile(join(ctx.dir, countersignatureFile.file))), 'countersignature', { keys: leader.keys, trust, history: NO_HISTORY, held: heldRecordsFrom({ assignments: [assignment] }) });
  if (!original.ok) throw new Error(original.error.message);
  const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
  const signature = toBase64(await countersign(new TextEncoder().encode('%PDF- another report'), signPortOf(member.keys)));
  const forged = await writePackage({
    type: 'countersignature', content: { ...original.value.content, signature }, subject, revision: 1,
    sender: { name: member.facts.name, keys: member.keys }, recipients: [leader.card, assignment.secretariat],
  });
  if (!forged.ok) throw new Error(forged.error.message);
  const content = genuine.value.content;
  const listed = content.countersignatures.find((c) => c.signerKeyId === member.card.keyId);
  if (!listed) throw new Error(`${member.facts.name} has no countersignature in this return`);
  const ref = { ...listed.package, size: forged.value.bytes.length, sha256: await sha256Hex(forged.value.bytes) };
  const blobs = [...genuine.value.blobs].map(([entry, bytes]) => ({ entry, bytes: entry === ref.entry ? forged.value.bytes : bytes }));
  const resigned = await writePackage({
    type: 'panel-return',
    content: { ...content, countersignatures: content.countersignatures.map((c) => (c === listed ? { ...c, package: ref } : c)) },
    blobs, subject, revision: genuine.value.manifest.revision,
    sender: { name: leader.facts.name, keys: leader.keys }, recipients: [assignment.secretariat, leader.card],
  });
  if (!resigned.ok) throw new Error(resigned.error.message);
  await writeFile(returnFile, resigned.value.bytes);
}
