import type { ApplicantProfile } from '../applicant/applicant-profile.js';
import type { CriteriaSet } from '../criteria/criteria-set.js';
import type { Cycle } from '../cycle/cycle.js';
import { validateCycleRules } from '../cycle/cycle-rules.js';
import type { IdentityCard } from '../identity/identity-card.js';
import type { AssignmentCertificates } from '../packages/content/assignment-certificates.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import { writePackage, type WrittenPackage } from '../packages/write-package.js';
import { sha256Hex } from '../util/bytes.js';
import { canonicalJsonBytes } from '../util/canonical-json.js';
import { err, ok, type Result } from '../util/result.js';
import { certifyMembers, type CertificateStore } from './certify-experts.js';
import { fileNames } from './file-names.js';
import type { Clock } from './ports/clock.js';
import type { KeyHolder } from './ports/keys.js';
import { fromPackageError, workflowError, type WorkflowError } from './workflow-error.js';

/**
 * Issue an assignment (the secretariat → each panel member, docs/domain.md §6): the cycle and its
 * rules, the applicant, the material-review scores and the issues to verify on site, the criteria set,
 * the roster with the leader and every member's public keys and fingerprints, the
 * certificates, the schedule. Encrypted to every member and to the secretariat (so it can
 * reread what it issued), signed with the secretariat's keys. A re-issue is a new revision
 * superseding the last.
 */
export interface AssignmentRequest {
  cycle: Pick<Cycle, 'id' | 'name' | 'year' | 'rules' | 'reviewDate'>;
  applicant: {
    profile: ApplicantProfile;
    /** The material-review result, once the secretariat has recorded one. */
    materialReview?:
      | { criteriaSetId?: string; percentByItem: Readonly<Record<string, number>>; siteVisitIssues: readonly { itemId?: string | undefined; text: string }[]; summary?: string }
      | undefined;
  };
  panel: { id: string; name: string; leaderKeyId: string };
  /** The members in roster order as the pool holds them; undefined for one no longer in the pool. */
  members: readonly ({ card: IdentityCard; fingerprintConfirmed: boolean } | undefined)[];
  criteriaSet: CriteriaSet;
  /** The assignment issued for this panel before, so this one supersedes it. */
  previous: { packageId: string; revision: number } | null;
}

export interface IssueAssignmentPorts {
  keys: KeyHolder;
  clock: Clock;
  /** The secretariat's own card: it signs, and it is named in the assignment. */
  secretariat: IdentityCard;
  certificates: CertificateStore;
}

export interface IssuedAssignment {
  content: AssignmentContent;
  written: WrittenPackage;
  revision: number;
  /** SHA-256 of manifest.json: the id a receiver stores it under. */
  manifestSha256: string;
  fileName: string;
}

/** What is missing before an assignment can be issued; every problem at once. */
function problemsOf(req: AssignmentRequest): WorkflowError[] {
  const problems: WorkflowError[] = [];
  const { name } = req.applicant.profile;
  const review = req.applicant.materialReview;
  if (!review) problems.push(workflowError('not-ready', `“${name}”尚无材料评审结果，不能下发评审任务`, `"${name}" has no material-review result yet`));
  else if (review.criteriaSetId !== undefined && review.criteriaSetId !== req.criteriaSet.id) {
    problems.push(workflowError('mismatch', `材料评审按“${review.criteriaSetId}”评分，本届评审标准为“${req.criteriaSet.id}”，请重新记录材料评审结果`, `the material review was scored against ${review.criteriaSetId}; the cycle uses ${req.criteriaSet.id}: record it again`));
  }
  // The rules travel in the assignment and are checked again by every reader: a cycle whose
  // rules do not hold together (a divergence limit under 5, quotas below the reserved places …)
  // is refused here, every problem named, before anyone is certified.
  const rules = validateCycleRules(req.cycle.rules);
  if (!rules.ok) for (const p of rules.error) problems.push(workflowError('not-ready', `本届评选规则有误：${p.zh}`, `the cycle's rules: ${p.en}`));
  if (req.members.some((m) => !m || !m.fingerprintConfirmed)) problems.push(workflowError('not-ready', '评审组成员不在专家库中或指纹未确认', 'a member is not in the pool or not confirmed'));
  if (!req.members.some((m) => m?.card.keyId === req.panel.leaderKeyId)) problems.push(workflowError('mismatch', '组长不是评审组成员', 'the leader is not a member of the panel'));
  return problems;
}

/** The assignment's content, from what the secretariat recorded; certificates come from certifyMembers. */
function assignmentContent(req: AssignmentRequest, secretariat: IdentityCard, certificates: AssignmentCertificates, issuedAt: Date): Result<AssignmentContent, WorkflowError[]> {
  const problems = problemsOf(req);
  const review = req.applicant.materialReview;
  if (problems.length > 0 || !review) return err(problems);
  const { profile } = req.applicant;
  const { role: _role, ...secretariatIdentity } = secretariat;
  const date = req.cycle.reviewDate ?? issuedAt.toISOString().slice(0, 10);
  const place = profile.address.slice(0, 200);
  return ok({
    cycle: { id: req.cycle.id, name: req.cycle.name, year: req.cycle.year },
    applicant: {
      id: profile.id,
      name: profile.name,
      creditCode: profile.creditCode,
      industry: profile.industry,
      address: profile.address,
      contact: `${profile.contact.name} ${profile.contact.phone}${profile.contact.email ? ` ${profile.contact.email}` : ''}`,
      profile: `${profile.name}（统一社会信用代码 ${profile.creditCode}），${profile.industry}。`,
    },
    panel: {
      id: req.panel.id,
      name: req.panel.name,
      members: req.members.map((m) => {
        const { role: _r, ...identity } = m!.card;
        return { ...identity, role: m!.card.keyId === req.panel.leaderKeyId ? ('leader' as const) : ('expert' as const) };
      }),
    },
    // The cycle's rules: the panel's summary, report and recommendation follow them.
    rules: req.cycle.rules,
    secretariat: secretariatIdentity,
    certificates,
    criteriaSet: req.criteriaSet,
    materialReview: { scores: Object.entries(review.percentByItem).map(([itemId, percent]) => ({ itemId, percent })), summary: review.summary ?? '' },
    siteIssues: review.siteVisitIssues.map((s, i) => ({ id: `issue-${i + 1}`, itemId: s.itemId ?? null, text: s.text })),
    // The plan the secretariat issues: three days from the review date, opening and closing
    // meetings; the leader records what actually happened (the visit record with the consensus).
    schedule: [
      { date, start: '08:30', end: '09:30', activity: '首次会议', location: place },
      { date, start: '09:30', end: '17:30', activity: '现场评审', location: place },
      { date: dayAfter(date, 1), start: '08:30', end: '17:30', activity: '现场评审', location: place },
      { date: dayAfter(date, 2), start: '08:30', end: '15:30', activity: '现场评审；评审组内部讨论', location: place },
      { date: dayAfter(date, 2), start: '16:00', end: '17:00', activity: '末次会议', location: place },
    ],
    issuedAt: issuedAt.toISOString(),
  });
}

function dayAfter(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The package of an assignment's content: revision one more than `previous`, superseding it.
 * Also how the same content goes out again (a lost file, a member's device restored).
 */
export async function writeAssignmentPackage(
  content: AssignmentContent,
  previous: { packageId: string; revision: number } | null,
  ports: Pick<IssueAssignmentPorts, 'keys' | 'clock' | 'secretariat'>,
): Promise<Result<IssuedAssignment, WorkflowError>> {
  const revision = (previous?.revision ?? 0) + 1;
  const written = await writePackage({
    type: 'assignment',
    content,
    subject: { cycleId: content.cycle.id, applicantId: content.applicant.id, panelId: content.panel.id },
    revision,
    supersedes: previous?.packageId ?? null,
    createdAt: ports.clock.now(),
    sender: { name: ports.secretariat.name, keys: ports.keys },
    recipients: [ports.secretariat, ...content.panel.members],
  });
  if (!written.ok) return err(fromPackageError(written.error));
  return ok({
    content,
    written: written.value,
    revision,
    // manifest.json holds exactly the manifest's canonical bytes.
    manifestSha256: await sha256Hex(canonicalJsonBytes(written.value.manifest)),
    fileName: fileNames.assignment(content.applicant.name, revision),
  });
}

/** Certifies the members, builds the content and writes the package; the caller stores and saves it. */
export async function issueAssignment(req: AssignmentRequest, ports: IssueAssignmentPorts): Promise<Result<IssuedAssignment, WorkflowError[]>> {
  const early = problemsOf(req);
  if (early.length > 0) return err(early);
  const members = req.members.flatMap((m) => (m ? [m.card] : []));
  const certificates = await certifyMembers(ports.certificates, { identity: ports.secretariat, keys: ports.keys }, members, ports.clock);
  // Issued after the certificates it carries: a receiver checks they were valid by then.
  const issuedAt = ports.clock.now();
  const content = assignmentContent(req, ports.secretariat, certificates, issuedAt);
  if (!content.ok) return content;
  const written = await writeAssignmentPackage(content.value, req.previous, ports);
  return written.ok ? written : err([written.error]);
}
