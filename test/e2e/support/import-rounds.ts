import { createHash } from 'node:crypto';
import { demoWork, issueDemoAssignment } from '../../../cli/lib/demo-content.js';
import type { Participant } from '../../../cli/lib/demo-participant.js';
import type { SeededRandom } from '../../../cli/lib/seeded-random.js';
import type { IdentityCard } from '../../../shared/identity/identity-card.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import { nextHistoryEntry, type HistoryEntry } from '../../../shared/history/hash-chain.js';
import { exportScoresheetBytes } from '../../../shared/workflow/export-scoresheet.js';
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
  history: readonly HistoryEntry[];
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

/** An assignment for applicant `number` (its panel id is `panel-<number>`) led by `leader`, issued by the secretariat's step. */
export async function writeAssignment(
  dir: string, random: SeededRandom, secretariat: Participant, leader: IdentityCard, members: readonly Participant[], number: number, now: Date,
): Promise<PanelFiles> {
  const issued = await issueDemoAssignment({
    random, secretariat: secretariat.card, secretariatKeys: secretariat.keys,
    members: [leader, ...members.map((m) => m.card)], issuedAt: now,
    applicant: { number, name: `郑州第${number}精密制造有限公司`, industry: '装备制造' },
  });
  const { content: assignment, written } = issued;
  return {
    assignment,
    round: {
      kind: 'assignment', revision: 1, file: await writeTemp(dir, `评审任务-${number}.zqa`, written.bytes), fileSha256: sha256(written.bytes),
      query: { packageId: written.manifest.packageId, reviewId: assignment.panel.id, memberKeyId: null, previousPackageId: null }, attachments: {}, history: [],
    },
  };
}

/**
 * `member`'s scoresheet for the panel, with `photos` attached, exported by the expert's step to
 * the leader and the secretariat; given `previous`, the next revision of it (it supersedes
 * `previous` on import).
 */
export async function writeScoresheet(
  dir: string, random: SeededRandom, assignment: AssignmentContent, member: Participant, photos: Uint8Array[], now: Date,
  previous: ImportRound | null = null,
): Promise<ImportRound> {
  const fresh = await demoWork({ random, assignment, expert: member.card, startedAt: now, photos });
  // A new revision keeps every entry received before and records each changed score after them.
  const work = previous ? { ...fresh, history: await extendHistory(previous.history, fresh.scores, member.card.keyId, now) } : fresh;
  const exported = await exportScoresheetBytes(
    { work, assignment, previous: previous ? { packageId: previous.query.packageId, revision: previous.revision } : null },
    { keys: member.keys, clock: { now: () => now }, myKeyId: member.card.keyId },
  );
  if (!exported.ok) throw new Error(exported.error.en);
  const { written, revision, content } = exported.value;
  return {
    kind: 'scoresheet', revision,
    file: await writeTemp(dir, `评分表-${member.facts.name}-第${revision}版.zqa`, written.bytes), fileSha256: sha256(written.bytes),
    query: { packageId: written.manifest.packageId, reviewId: assignment.panel.id, memberKeyId: member.card.keyId, previousPackageId: previous?.query.packageId ?? null },
    attachments: Object.fromEntries(content.attachments.map((a) => [a.id, { size: a.size, sha256: a.sha256 }])),
    history: content.history,
  };
}

async function extendHistory(before: readonly HistoryEntry[], scores: readonly { itemId: string; percent: number | null }[], actor: string, now: Date): Promise<HistoryEntry[]> {
  const history = [...before];
  const last = new Map(before.map((e) => [e.itemId, e.to]));
  for (const score of scores) {
    const from = last.get(score.itemId) ?? null;
    if (from !== score.percent) history.push(await nextHistoryEntry(history.at(-1), { at: now.toISOString(), actor, kind: 'score', itemId: score.itemId, from, to: score.percent }));
  }
  return history;
}
