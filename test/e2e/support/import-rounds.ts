import { createHash } from 'node:crypto';
import { demoAssignment, demoScoresheet } from '../../../cli/lib/demo-content.js';
import type { Participant } from '../../../cli/lib/demo-participant.js';
import type { SeededRandom } from '../../../cli/lib/seeded-random.js';
import { secretariatAuthority } from '../../../shared/identity/enrolment-certificates.js';
import type { IdentityCard } from '../../../shared/identity/identity-card.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import { nextHistoryEntry, type HistoryEntry } from '../../../shared/history/hash-chain.js';
import { writePackage } from '../../../shared/packages/write-package.js';
import type { ImportQuery } from './import-state.js';
import { writeTemp } from './leader-panel.js';

/**
 * The secretariat's and the panel members' side of the import-crash test, written in Node
 * with the real shared code: an assignment naming the browser profile as leader, and
 * members' scoresheets heavy with photos, each as a file on the "USB stick".
 */

/** One package to import, and what the database must then hold. */
export interface ImportRound {
  kind: 'assignment' | 'scoresheet';
  revision: number;
  file: string;
  fileSha256: string;
  query: ImportQuery;
  /** Each attachment's id → size and SHA-256, as the signed content lists them. */
  attachments: Record<string, { size: number; sha256: string }>;
  /** A scoresheet's score history: its next revision extends it, as the expert's app does. */
  history: HistoryEntry[];
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Photos from the seed (a failing run repeats with the same seed), as incompressible as JPEG data. */
export function seededPhotos(random: SeededRandom, count: number, bytes: number): Uint8Array[] {
  return Array.from({ length: count }, () => {
    const words = new Uint32Array(bytes / 4);
    for (let i = 0; i < words.length; i++) words[i] = Math.floor(random.next() * 2 ** 32);
    return new Uint8Array(words.buffer);
  });
}

export interface PanelFiles {
  assignment: AssignmentContent;
  round: ImportRound;
}

/** An assignment for applicant `number` (its panel id is `panel-<number>`) led by `leader`. */
export async function writeAssignment(
  dir: string, random: SeededRandom, secretariat: Participant, leader: IdentityCard, members: readonly Participant[], number: number, now: Date,
): Promise<PanelFiles> {
  const authority = await secretariatAuthority({ ...secretariat.card, sign: (d) => secretariat.keys.sign(d) }, now);
  const assignment = await demoAssignment({
    random, secretariat: secretariat.card, secretariatKeys: secretariat.keys, authority,
    members: [leader, ...members.map((m) => m.card)], issuedAt: now,
    applicant: { number, name: `郑州第${number}精密制造有限公司`, industry: '装备制造' },
  });
  const written = await writePackage({
    type: 'assignment', content: assignment, revision: 1,
    subject: { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id },
    sender: { name: secretariat.facts.name, keys: secretariat.keys }, recipients: [secretariat.card, leader, ...members.map((m) => m.card)],
  });
  if (!written.ok) throw new Error(written.error.message);
  return {
    assignment,
    round: {
      kind: 'assignment', revision: 1, file: await writeTemp(dir, `评审任务-${number}.zqa`, written.value.bytes), fileSha256: sha256(written.value.bytes),
      query: { packageId: written.value.manifest.packageId, reviewId: assignment.panel.id, memberKeyId: null, previousPackageId: null }, attachments: {}, history: [],
    },
  };
}

/**
 * `member`'s scoresheet for the panel, with `photos` attached, sent to the leader and the
 * secretariat; given `previous`, the next revision of it (it supersedes `previous` on import).
 */
export async function writeScoresheet(
  dir: string, random: SeededRandom, assignment: AssignmentContent, secretariat: Participant, leader: IdentityCard, member: Participant, photos: Uint8Array[], now: Date,
  previous: ImportRound | null = null,
): Promise<ImportRound> {
  const revision = previous ? previous.revision + 1 : 1;
  const sheet = await demoScoresheet({ random, assignment, expert: member.card, startedAt: now, photos });
  // A new revision keeps every entry received before and records each changed score after them.
  const history = previous ? await extendHistory(previous.history, sheet.content.items, member.card.keyId, now) : sheet.content.history;
  const written = await writePackage({
    type: 'scoresheet', content: { ...sheet.content, history }, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), revision,
    subject: { cycleId: assignment.cycle.id, applicantId: assignment.applicant.id, panelId: assignment.panel.id },
    sender: { name: member.facts.name, keys: member.keys }, recipients: [leader, secretariat.card, member.card],
  });
  if (!written.ok) throw new Error(written.error.message);
  return {
    kind: 'scoresheet', revision,
    file: await writeTemp(dir, `评分表-${member.facts.name}-第${revision}版.zqa`, written.value.bytes), fileSha256: sha256(written.value.bytes),
    query: { packageId: written.value.manifest.packageId, reviewId: assignment.panel.id, memberKeyId: member.card.keyId, previousPackageId: previous?.query.packageId ?? null },
    attachments: Object.fromEntries(sheet.content.attachments.map((a) => [a.id, { size: a.size, sha256: a.sha256 }])),
    history,
  };
}

async function extendHistory(before: readonly HistoryEntry[], items: readonly { itemId: string; percent: number | null }[], actor: string, now: Date): Promise<HistoryEntry[]> {
  const history = [...before];
  const last = new Map(before.map((e) => [e.itemId, e.to]));
  for (const item of items) {
    const from = last.get(item.itemId) ?? null;
    if (from !== item.percent) history.push(await nextHistoryEntry(history.at(-1), { at: now.toISOString(), actor, kind: 'score', itemId: item.itemId, from, to: item.percent }));
  }
  return history;
}
