import type { ApplicantItemScores } from '../export/secretariat-tables.js';
import type { IdentityCard } from '../identity/identity-card.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../identity/roster-trust.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';
import type { HeldRecords } from '../packages/held-records.js';
import { signOffOfResult, type SignOff } from '../packages/panel-return-sign-off.js';
import type { PackageHistory } from '../packages/revision.js';
import { verifyPackage } from '../packages/verify-package.js';
import type { ApplicantResult } from '../ranking/applicant-result.js';
import { resultFromPanelReturn } from '../ranking/from-panel-return.js';
import { sha256Hex } from '../util/bytes.js';
import { err, ok, type Result } from '../util/result.js';
import type { KeyHolder } from './ports/keys.js';
import { receivePackage, type Received } from './received.js';
import { fromPackageError, workflowError, type WorkflowError } from './workflow-error.js';

/**
 * Receive and check a panel return (the secretariat), every signature checked: the leader's
 * package signature with trust from the roster of the assignment this secretariat issued for
 * that panel (and only that panel); each nested scoresheet and countersignature as a package
 * in its own right; that each was signed by the member it is listed under, who sits on this
 * panel, bound to this cycle, applicant and panel; each countersignature over exactly this
 * report PDF; every member accounted for (a scoresheet each, a countersignature or a recorded
 * absence); no history rewritten (all of it in the shared importer); a finished consensus; a
 * signed recommendation that follows from it under the assignment's rules. Then what it means
 * for the comprehensive review: the applicant's result as the panel signed it, with its
 * dissents and absences, and every member's item scores. No side
 * effects: the caller stores the result in one transaction, or shows the reason.
 */
export interface CheckedReturn {
  received: Received<'panel-return'>;
  assignment: AssignmentContent;
  /** The members' scoresheets the return nests, each verified and opened. */
  scoresheets: ScoresheetContent[];
  /** The revision of each member's nested scoresheet, by key id: the next return's must not be older. */
  scoresheetRevisions: Record<string, number>;
  /** Who countersigned, with reservations or not, and who was recorded absent. */
  signOff: SignOff;
  reportPdf: Uint8Array;
  reportSha256: string;
  result: ApplicantResult;
  itemScores: ApplicantItemScores;
}

/** What the secretariat's device holds that this step reads. */
export interface ReceivePanelReturnPorts {
  keys: KeyHolder;
  /** The secretariat's own card: the anchor its assignments were signed with. */
  self: IdentityCard;
  /** What this secretariat issued, by panel id. */
  assignmentFor(panelId: string): Promise<AssignmentContent | undefined>;
  /** The returns already received, by series (the panel's leader). */
  history: PackageHistory;
  /** The latest scoresheet of an expert for a panel received in an earlier return: a new one must extend its history. */
  heldScoresheet: HeldRecords['scoresheet'];
  /** The applicant's category, for places reserved for one. */
  category?: (applicantId: string) => Promise<string | undefined>;
}

const refused = (zh: string, en: string): Result<never, WorkflowError> => err(workflowError('mismatch', `已拒绝：${zh}`, `refused: ${en}`));

export async function receivePanelReturn(bytes: Uint8Array, ports: ReceivePanelReturnPorts): Promise<Result<CheckedReturn, WorkflowError>> {
  // Trust is per panel: an expert may lead one panel and sit on another, so only the roster of
  // the panel the return names vouches for its leader. The panel is read from the signed
  // manifest first; the import below checks the same manifest against that trust.
  const peek = await verifyPackage(bytes, { trust: null, accept: ['panel-return'] });
  if (!peek.ok) return err(fromPackageError(peek.error));
  const panelId = peek.value.manifest.subject.panelId ?? '';
  const assignment = await ports.assignmentFor(panelId);
  if (!assignment) return refused(`本秘书处没有为评审组“${panelId}”下发过评审任务`, `no assignment was issued for panel "${panelId}"`);
  if (assignment.secretariat.keyId !== ports.self.keyId) return refused(`评审组“${panelId}”的评审任务不是以本秘书处的密钥下发的`, `the assignment for panel "${panelId}" was not issued under this secretariat's key`);
  const trust = trustAssignmentRoster(trustStoreFromAnchorCard(ports.self), assignment);
  // The importer binds the return to this assignment, checks every nested package, the
  // completeness of the sign-off and each scoresheet against the one received before.
  const held: HeldRecords = { assignments: () => Promise.resolve([assignment]), scoresheet: ports.heldScoresheet };
  const received = await receivePackage(bytes, 'panel-return', { keys: ports.keys, trust, history: ports.history, held });
  if (!received.ok) return err(fromPackageError(received.error));
  const { content } = received.value;
  const nested = received.value.panelReturn;
  const signOff = nested?.signOff;
  if (!nested || !signOff) return refused('评审结果包中的成员评审包未经校验', 'the members’ nested packages were not checked');
  const reportPdf = received.value.blobs.get(content.report.entry) ?? new Uint8Array();
  const reportSha256 = await sha256Hex(reportPdf);
  const scoresheets = nested.scoresheets.map((s) => s.content);
  // Under the rules the panel worked with (the assignment's), with the recommendation it signed.
  const result = resultFromPanelReturn(assignment, content, scoresheets, await ports.category?.(assignment.applicant.id));
  if (!result.ok) return refused(result.error.zh, result.error.en);
  const percentsOf = (keyId: string) =>
    Object.fromEntries(scoresheets.find((s) => s.expertKeyId === keyId)?.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent] as const])) ?? []);
  const itemScores: ApplicantItemScores = {
    applicantName: assignment.applicant.name,
    members: assignment.panel.members.map((m) => ({ name: m.name, leader: m.role === 'leader', percentByItem: percentsOf(m.keyId) })),
    consensusPercentByItem: Object.fromEntries(content.consensus.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent] as const]))),
  };
  const scoresheetRevisions = Object.fromEntries(nested.scoresheets.map((s) => [s.content.expertKeyId, s.manifest.revision]));
  // A dissent and an absence travel on with their reasons: the overview and the exports show them.
  return ok({ received: received.value, assignment, scoresheets, scoresheetRevisions, signOff, reportPdf, reportSha256, result: { ...result.value, ...signOffOfResult(signOff) }, itemScores });
}
