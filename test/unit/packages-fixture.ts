import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import type { KeyHolder } from '../../shared/crypto/key-holder.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import type { TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { nextHistoryEntry, type HistoryEntry } from '../../shared/history/hash-chain.js';
import { heldRecordsFrom, type HeldRecords } from '../../shared/packages/held-records.js';
import { DEFAULT_PACKAGE_LIMITS } from '../../shared/packages/limits.js';
import { writePackage } from '../../shared/packages/write-package.js';
import { readStoredZip } from '../../shared/packages/zip-read.js';
import { writeStoredZip, type ZipInputEntry } from '../../shared/packages/zip-write.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import type { PreparedBlob } from '../../shared/packages/blobs.js';
import type { ExpertWork } from '../../shared/workflow/build-scoresheet.js';
import { exportScoresheetBytes } from '../../shared/workflow/export-scoresheet.js';
import { writeAssignmentPackage } from '../../shared/workflow/issue-assignment.js';
import { demoAssignment, demoWork } from '../../cli/lib/demo-content.js';
import { createParticipant, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';

export interface Panel {
  secretariat: Participant;
  /** Leader first. */
  members: Participant[];
  assignment: AssignmentContent;
  subject: { cycleId: string; applicantId: string; panelId: string };
  /** A member's device trust: the secretariat's card as anchor, then the roster. */
  memberTrust: TrustStore;
}

export async function makePanel(memberCount = 5, seed = 1): Promise<Panel> {
  const random = seededRandom(seed);
  const secretariat = await createParticipant({ name: '秘书处王', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
  const members: Participant[] = [];
  for (let i = 0; i < memberCount; i++) {
    members.push(await createParticipant({ name: `专家${i + 1}`, organisation: '郑州大学', role: i === 0 ? 'leader' : 'expert' }));
  }
  const assignment = await demoAssignment({ random, secretariat: secretariat.card, secretariatKeys: secretariat.keys, members: members.map((m) => m.card), issuedAt: new Date(Date.UTC(2026, 5, 1)) });
  const subject = { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id };
  const memberTrust = trustAssignmentRoster(trustStoreFromAnchorCard(secretariat.card), assignment);
  return { secretariat, members, assignment, subject, memberTrust };
}

/** What a device of this panel holds: its assignment (packages about the panel are bound to it). */
export function panelHeld(panel: Pick<Panel, 'assignment'>): HeldRecords {
  return heldRecordsFrom({ assignments: [panel.assignment] });
}

/** The panel's assignment as the secretariat's step writes it, as revision `revision`. */
export async function assignmentPackage(panel: Panel, revision = 1): Promise<Uint8Array> {
  const previous = revision > 1 ? { packageId: '0'.repeat(32), revision: revision - 1 } : null;
  const r = await writeAssignmentPackage(panel.assignment, previous, { keys: panel.secretariat.keys, clock: { now: () => new Date(Date.UTC(2026, 5, 1)) }, secretariat: panel.secretariat.card });
  if (!r.ok) throw new Error(r.error.en);
  return r.value.written.bytes;
}

export interface WrittenScoresheet {
  bytes: Uint8Array;
  packageId: string;
  revision: number;
  content: ScoresheetContent;
  /** Its attachments as the content names them, for tests that rewrite its content. */
  blobs: PreparedBlob[];
}

/**
 * `member`'s scoresheet as the expert's export step writes it; given `previous`, the next
 * revision of it: the work of `seed`, its history the previous one's with each changed score
 * appended, as the expert's app records it. The step writes format version 3 (chunked, the
 * manifest last); `formatVersion: 2` writes the same content and files with the in-memory
 * writer, for tests of that layout (the manifest first), which readers still take.
 */
export async function scoresheetPackage(panel: Panel, member: Participant, options: { seed?: number; photos?: Uint8Array[]; previous?: WrittenScoresheet; formatVersion?: 2 | 3 } = {}): Promise<WrittenScoresheet> {
  const startedAt = new Date(Date.UTC(2026, 5, 2));
  const fresh = await demoWork({ random: seededRandom(options.seed ?? 5), assignment: panel.assignment, expert: member.card, startedAt, photos: options.photos ?? [] });
  const work = options.previous ? { ...fresh, history: await extendedHistory(options.previous.content.history, fresh.scores, member.card.keyId) } : fresh;
  const previous = options.previous ? { packageId: options.previous.packageId, revision: options.previous.revision } : null;
  const r = await exportScoresheetBytes({ work, assignment: panel.assignment, previous }, { keys: member.keys, clock: { now: () => startedAt }, myKeyId: member.card.keyId });
  if (!r.ok) throw new Error(r.error.en);
  const blobs = preparedBlobsOf(r.value.content, work);
  if (options.formatVersion !== 2) return { bytes: r.value.written.bytes, packageId: r.value.written.manifest.packageId, revision: r.value.revision, content: r.value.content, blobs };
  const v2 = await writePackage({
    type: 'scoresheet', content: r.value.content, blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
    subject: panel.subject, revision: r.value.revision, supersedes: previous?.packageId ?? null, createdAt: startedAt,
    sender: { name: member.facts.name, keys: member.keys },
    recipients: [panel.members[0]!.card, panel.secretariat.card, member.card],
  });
  if (!v2.ok) throw new Error(v2.error.message);
  return { bytes: v2.value.bytes, packageId: v2.value.manifest.packageId, revision: r.value.revision, content: r.value.content, blobs };
}

/** Each attachment's reference with the bytes it was made from (the demo's work holds its photos in memory). */
function preparedBlobsOf(content: ScoresheetContent, work: ExpertWork): PreparedBlob[] {
  return content.attachments.map(({ id: _id, caption: _c, itemId: _i, ...ref }) => {
    const a = work.attachments.find((w) => w.id === _id);
    if (!a || !('bytes' in a)) throw new Error(`attachment ${_id} has no bytes in the work`);
    return { ref, bytes: a.bytes };
  });
}

async function extendedHistory(before: readonly HistoryEntry[], scores: readonly { itemId: string; percent: number | null }[], actor: string): Promise<HistoryEntry[]> {
  const history = [...before];
  const last = new Map(before.map((e) => [e.itemId, e.to]));
  for (const [n, score] of scores.entries()) {
    const from = last.get(score.itemId) ?? null;
    if (from !== score.percent) history.push(await nextHistoryEntry(history.at(-1), { at: new Date(Date.UTC(2026, 5, 3, 0, n)).toISOString(), actor, kind: 'score', itemId: score.itemId, from, to: score.percent }));
  }
  return history;
}

/**
 * The next revision of a scoresheet as the expert's app makes it: the same history with the
 * changes appended (each a new chained entry), the items' scores following them.
 */
export async function scoresheetRevision(
  panel: Panel,
  member: Participant,
  previous: WrittenScoresheet,
  options: { revision: number; changes: readonly { itemId: string; to: number | null }[] },
): Promise<WrittenScoresheet> {
  const history = [...previous.content.history];
  const items = previous.content.items.map((i) => ({ ...i }));
  for (const [n, c] of options.changes.entries()) {
    const item = items.find((i) => i.itemId === c.itemId)!;
    history.push(await nextHistoryEntry(history.at(-1), { at: new Date(Date.UTC(2026, 5, 3, 0, n)).toISOString(), actor: member.card.keyId, kind: 'score', itemId: c.itemId, from: item.percent, to: c.to }));
    item.percent = c.to;
  }
  const content = { ...previous.content, items, history };
  const r = await writePackage({
    type: 'scoresheet', content, blobs: previous.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })),
    subject: panel.subject, revision: options.revision, supersedes: previous.packageId,
    sender: { name: member.facts.name, keys: member.keys },
    recipients: [panel.members[0]!.card, panel.secretariat.card, member.card],
  });
  if (!r.ok) throw new Error(r.error.message);
  return { bytes: r.value.bytes, packageId: r.value.manifest.packageId, revision: options.revision, content, blobs: previous.blobs };
}

/** The package's entries, taken apart, changed, and zipped again in the format's layout. */
export function rezip(bytes: Uint8Array, mutate: (entries: ZipInputEntry[]) => ZipInputEntry[]): Uint8Array {
  const entries = readStoredZip(bytes, DEFAULT_PACKAGE_LIMITS);
  if (!entries.ok) throw new Error(entries.error.message);
  return writeStoredZip(mutate(entries.value.map((e) => ({ name: e.name, data: e.data.slice() }))), new Date(Date.UTC(2026, 5, 1)));
}

/**
 * A validly signed variant: the manifest changed (and optionally entries replaced, their
 * hashes updated) and signed again by `signer`, as a sender with a key could do.
 */
export async function resign(
  bytes: Uint8Array,
  signer: KeyHolder,
  mutate: (manifest: Record<string, unknown>) => void,
  replace: Record<string, Uint8Array> = {},
): Promise<Uint8Array> {
  const entries = readStoredZip(bytes, DEFAULT_PACKAGE_LIMITS);
  if (!entries.ok) throw new Error(entries.error.message);
  const byName = new Map<string, Uint8Array>(entries.value.map((e) => [e.name, e.data.slice()]));
  for (const [name, data] of Object.entries(replace)) byName.set(name, data);
  const manifest = JSON.parse(new TextDecoder().decode(byName.get('manifest.json'))) as Record<string, unknown>;
  const listed = manifest.entries as { name: string; size: number; sha256: string }[];
  for (const e of listed) {
    const data = byName.get(e.name);
    if (data) {
      e.size = data.length;
      e.sha256 = await sha256Hex(data);
    }
  }
  mutate(manifest);
  const manifestBytes = canonicalJsonBytes(manifest);
  byName.set('manifest.json', manifestBytes);
  byName.set('manifest.sig', rawSignatureToDer(await signer.sign({ purpose: 'manifest', data: manifestBytes })));
  return writeStoredZip([...byName].map(([name, data]) => ({ name, data })), new Date(Date.UTC(2026, 5, 1)));
}
