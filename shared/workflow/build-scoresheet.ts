import type { CriteriaSet } from '../criteria/criteria-set.js';
import { itemsOf } from '../criteria/validate-criteria-set.js';
import type { HistoryEntry } from '../history/hash-chain.js';
import { blobEntryName } from '../packages/blobs.js';
import type { BlobRef } from '../packages/content/common.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import { memorySource, type ByteSource } from '../packages/stream/byte-io.js';
import type { StreamedFile } from '../packages/stream/write-package-stream.js';
import { EXCLUSION_RULES } from '../regulation/exclusions.js';
import { sha256Hex } from '../util/bytes.js';
import { ok, type Result } from '../util/result.js';
import { plainFileName } from './file-names.js';
import { refuse, type WorkflowError } from './workflow-error.js';

/**
 * Build a scoresheet (an expert): the expert's work on one review, as the device holds it, in
 * the scoresheet package's shape (shared/packages/content/scoresheet.ts). Where the two differ:
 * - a site issue found "partly" true has no status of its own in the package: it travels as
 *   confirmed, with "部分属实" leading its note;
 * - an observation's evidence (document, interviewee, place) becomes one line of text;
 * - attachments belong to items on screen but the package lists them on their own; the file
 *   name keeps what the expert called it.
 * - a photo is not read here: the content needs only its size and SHA-256 (the app stores the
 *   hash with the photo), and the package writer reads it a slice at a time from its source,
 *   checking that hash as it goes, so a photo is never whole in memory on the way out.
 * Nothing is dropped silently: every score, note, attachment and history entry is carried.
 */
export type SiteIssueFinding = 'open' | 'confirmed' | 'partly' | 'not-confirmed';

/** Everything one expert's scoresheet holds for one review, read at one moment. */
export interface ExpertWork {
  /** Signed before the applicant's material opened; without it nothing can be sent. */
  declaration: { signedAt: string } & ({ conflict: false } | { conflict: true; conflictKind: string; detail: string }) | null;
  scores: readonly { itemId: string; percent: number }[];
  notes: readonly {
    id: string;
    itemId: string | null;
    kind: 'strength' | 'ofi' | 'observation';
    text: string;
    evidence: { document: string; intervieweeRole: string; place: string } | null;
    createdAt: string;
    /** Attachments the observation refers to, by id. */
    attachmentIds?: readonly string[];
  }[];
  attachments: readonly WorkAttachment[];
  siteIssues: readonly { issueId: string; status: SiteIssueFinding; note: string; evidence?: string | undefined }[];
  exclusions: readonly { number: number; status: 'clear' | 'flagged'; note: string }[];
  /** The hash-chained score history, in seq order. */
  history: readonly HistoryEntry[];
}

/**
 * A photo or document of the work: its bytes already in memory (the command line's demo, tests),
 * or a source read a slice at a time with the SHA-256 stored beside it (the app's database).
 */
export type WorkAttachment = { id: string; name: string; type: string; caption?: string | undefined; itemId?: string | null | undefined } & (
  | { bytes: Uint8Array }
  | { source: ByteSource; sha256: string }
);

/** The photo as the package writer reads it, with the size and SHA-256 its reference lists. */
async function fileOf(a: WorkAttachment): Promise<{ source: ByteSource; sha256: string }> {
  return 'source' in a ? { source: a.source, sha256: a.sha256 } : { source: memorySource(a.bytes), sha256: await sha256Hex(a.bytes) };
}

/** The built scoresheet: its content, and each file it refers to as the streamed writer reads it. */
export interface BuiltScoresheet {
  content: ScoresheetContent;
  files: StreamedFile[];
}

const SITE_STATUS: Record<SiteIssueFinding, ScoresheetContent['siteIssues'][number]['status']> = {
  open: 'pending',
  confirmed: 'confirmed',
  partly: 'confirmed',
  'not-confirmed': 'not-confirmed',
};

const NO_CONFLICT_STATEMENT = '本人与申报单位不存在利害关系（第十八条），并承诺对评审中知悉的商业秘密和技术秘密严格保密（第二十五条）。';
export const CONFLICT_STATEMENT = '本人与申报单位存在利害关系，已申请回避（第十八条）；并承诺对评审中知悉的信息严格保密（第二十五条）。';

function mediaTypeOf(type: string): string {
  const t = type.toLowerCase().split(';')[0]!.trim();
  return /^[a-z]+\/[0-9a-z.+-]+$/.test(t) ? t : 'application/octet-stream';
}

/**
 * Every item of the set with the expert's percentage (or null) and notes, and the seven Art. 14
 * checks in order: what the scoresheet carries, and what the paper scoresheet prints.
 */
export function scoresAndChecks(work: Pick<ExpertWork, 'scores' | 'notes' | 'exclusions'>, set: CriteriaSet): Pick<ScoresheetContent, 'items' | 'exclusions'> {
  const scores = new Map(work.scores.map((s) => [s.itemId, s.percent]));
  const notesOf = (itemId: string, kind: 'strength' | 'ofi') => work.notes.filter((n) => n.itemId === itemId && n.kind === kind).map((n) => ({ id: n.id, text: n.text }));
  const items = itemsOf(set).map((item) => ({ itemId: item.id, percent: scores.get(item.id) ?? null, strengths: notesOf(item.id, 'strength'), ofis: notesOf(item.id, 'ofi') }));
  const checks = new Map(work.exclusions.map((e) => [e.number, e]));
  const exclusions = EXCLUSION_RULES.map((r) => {
    const c = checks.get(r.number);
    return c ? { number: r.number, status: c.status, note: c.note } : { number: r.number, status: 'unchecked' as const, note: '' };
  });
  return { items, exclusions };
}

export async function buildScoresheet(
  work: ExpertWork,
  assignment: AssignmentContent,
  expertKeyId: string,
  submittedAt: Date,
): Promise<Result<BuiltScoresheet, WorkflowError>> {
  const { declaration } = work;
  if (!declaration) return refuse('not-ready', '尚未签署本次评审的声明', 'the declaration has not been signed for this review');
  const { items, exclusions } = scoresAndChecks(work, assignment.criteriaSet);
  const observations = work.notes
    .filter((n) => n.kind === 'observation')
    .map((n) => ({
      id: n.id,
      itemId: n.itemId,
      at: n.createdAt,
      text: n.text,
      evidence: n.evidence ? [n.evidence.document, n.evidence.intervieweeRole, n.evidence.place].filter((s) => s.trim() !== '').join('；') : '',
      attachmentIds: [...(n.attachmentIds ?? [])],
      ...(n.evidence ? { evidenceRef: { document: n.evidence.document, intervieweeRole: n.evidence.intervieweeRole, place: n.evidence.place } } : {}),
    }));
  const files: StreamedFile[] = [];
  const attachments = [];
  for (const [i, a] of work.attachments.entries()) {
    const { source, sha256 } = await fileOf(a);
    const ref: BlobRef = { entry: blobEntryName(i + 1), fileName: plainFileName(a.name, { fallback: 'attachment' }), mediaType: mediaTypeOf(a.type), size: source.size, sha256 };
    files.push({ entry: ref.entry, source });
    attachments.push({ ...ref, id: a.id, ...(a.caption?.trim() ? { caption: a.caption.trim() } : {}), ...(a.itemId !== undefined ? { itemId: a.itemId } : {}) });
  }
  const found = new Map(work.siteIssues.map((s) => [s.issueId, s]));
  const siteIssues = assignment.siteIssues.map((issue) => {
    const s = found.get(issue.id);
    if (!s) return { issueId: issue.id, status: 'pending' as const, note: '' };
    const note = s.status === 'partly' ? `部分属实${s.note.trim() ? `：${s.note.trim()}` : ''}` : s.note;
    return { issueId: issue.id, status: SITE_STATUS[s.status], note, ...(s.evidence?.trim() ? { evidence: s.evidence.trim() } : {}) };
  });
  return ok({
    content: {
      cycleId: assignment.cycle.id,
      applicantId: assignment.applicant.id,
      panelId: assignment.panel.id,
      expertKeyId,
      criteriaSetId: assignment.criteriaSet.id,
      items,
      observations,
      attachments,
      siteIssues,
      exclusions,
      declaration: {
        noConflict: !declaration.conflict,
        statement: declaration.conflict ? CONFLICT_STATEMENT : NO_CONFLICT_STATEMENT,
        conflicts: declaration.conflict ? `${declaration.conflictKind}: ${declaration.detail}` : '',
        declaredAt: declaration.signedAt,
      },
      history: [...work.history],
      submittedAt: submittedAt.toISOString(),
    },
    files,
  });
}
