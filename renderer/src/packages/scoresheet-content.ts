import { itemsOf } from '../../../shared/criteria/validate-criteria-set.js';
import { prepareBlobs, type PreparedBlob } from '../../../shared/packages/blobs.js';
import type { AssignmentContent } from '../../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../../shared/packages/content/scoresheet.js';
import { EXCLUSION_RULES } from '../../../shared/regulation/exclusions.js';
import type { ScoresheetSnapshot } from '../db/scoresheet-snapshot.js';
import type { SiteIssueStatus } from '../db/records.js';

/**
 * The expert's scoresheet as the screens stored it (B's `readScoresheet` snapshot) in the
 * package's shape (shared/packages/content/scoresheet.ts). Where the two differ:
 * - a site issue found "partly" true has no status of its own in the package: it travels as
 *   confirmed, with "部分属实" leading its note;
 * - an observation's evidence (document, interviewee, place) becomes one line of text;
 * - attachments belong to items on screen but the package lists them on their own; the
 *   file name keeps what the expert called it.
 * Nothing is dropped silently: every score, note, attachment and history entry is carried.
 */
const SITE_STATUS: Record<SiteIssueStatus, ScoresheetContent['siteIssues'][number]['status']> = {
  open: 'pending',
  confirmed: 'confirmed',
  partly: 'confirmed',
  'not-confirmed': 'not-confirmed',
};

const NO_CONFLICT_STATEMENT = '本人与申报单位不存在利害关系（第十八条），并承诺对评审中知悉的商业秘密和技术秘密严格保密（第二十五条）。';
const CONFLICT_STATEMENT = '本人与申报单位存在利害关系，已申请回避（第十八条）；并承诺对评审中知悉的信息严格保密（第二十五条）。';

/** A plain file name (the package refuses folders and Windows' forbidden characters). */
function plainFileName(name: string): string {
  const cleaned = [...name.replace(/[/\\:*?"<>|]/g, '_')].filter((c) => c.charCodeAt(0) >= 0x20).join('').trim().slice(0, 200);
  return cleaned === '' ? 'attachment' : cleaned;
}

function mediaTypeOf(type: string): string {
  const t = type.toLowerCase().split(';')[0]!.trim();
  return /^[a-z]+\/[0-9a-z.+-]+$/.test(t) ? t : 'application/octet-stream';
}

export async function scoresheetContentFrom(
  snapshot: ScoresheetSnapshot,
  assignment: AssignmentContent,
  expertKeyId: string,
  now: Date,
): Promise<{ content: ScoresheetContent; blobs: PreparedBlob[] }> {
  const { declaration } = snapshot;
  if (!declaration) throw new Error('the declaration has not been signed for this review');
  const scores = new Map(snapshot.scores.map((s) => [s.itemId, s.percent]));
  const notesOf = (itemId: string, kind: 'strength' | 'ofi') =>
    snapshot.notes.filter((n) => n.itemId === itemId && n.kind === kind).map((n) => ({ id: n.id, text: n.text }));
  const items = itemsOf(assignment.criteriaSet).map((item) => ({
    itemId: item.id,
    percent: scores.get(item.id) ?? null,
    strengths: notesOf(item.id, 'strength'),
    ofis: notesOf(item.id, 'ofi'),
  }));
  const observations = snapshot.notes
    .filter((n) => n.kind === 'observation')
    .map((n) => ({
      id: n.id,
      itemId: n.itemId,
      at: n.createdAt,
      text: n.text,
      evidence: n.evidence ? [n.evidence.document, n.evidence.intervieweeRole, n.evidence.place].filter((s) => s.trim() !== '').join('；') : '',
      attachmentIds: [],
    }));
  const files = await Promise.all(
    snapshot.attachments.map(async (a) => ({ fileName: plainFileName(a.name), mediaType: mediaTypeOf(a.type), bytes: new Uint8Array(await a.blob.arrayBuffer()) })),
  );
  const blobs = await prepareBlobs(files);
  const attachments = blobs.map((b, i) => ({ ...b.ref, id: snapshot.attachments[i]!.id }));
  const siteStatus = new Map(snapshot.siteIssues.map((s) => [s.issueId, s]));
  const siteIssues = assignment.siteIssues.map((issue) => {
    const s = siteStatus.get(issue.id);
    if (!s) return { issueId: issue.id, status: 'pending' as const, note: '' };
    const note = s.status === 'partly' ? `部分属实${s.note.trim() ? `：${s.note.trim()}` : ''}` : s.note;
    return { issueId: issue.id, status: SITE_STATUS[s.status], note };
  });
  const checks = new Map(snapshot.exclusions.map((e) => [e.number as number, e]));
  const exclusions = EXCLUSION_RULES.map((r) => {
    const c = checks.get(r.number);
    return c ? { number: r.number, status: c.status, note: c.note } : { number: r.number, status: 'unchecked' as const, note: '' };
  });
  const content: ScoresheetContent = {
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
    history: snapshot.history,
    submittedAt: now.toISOString(),
  };
  return { content, blobs };
}
