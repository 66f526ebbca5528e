import type { CycleRules } from '../../../../shared/cycle/cycle-rules.js';
import type { ApplicantItemScores } from '../../../../shared/export/secretariat-tables.js';
import type { KeyHolder } from '../../../../shared/crypto/key-holder.js';
import type { IdentityCard } from '../../../../shared/identity/identity-card.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../../../shared/identity/roster-trust.js';
import type { AssignmentContent } from '../../../../shared/packages/content/assignment.js';
import type { PanelReturnContent } from '../../../../shared/packages/content/panel-return.js';
import type { ScoresheetContent } from '../../../../shared/packages/content/scoresheet.js';
import { describePackageError } from '../../../../shared/packages/errors.js';
import { importPackage, type ImportedPackage } from '../../../../shared/packages/import-package.js';
import type { HeldRecords } from '../../../../shared/packages/held-records.js';
import { signOffOfResult, type SignOff } from '../../../../shared/packages/panel-return-sign-off.js';
import type { PackageHistory } from '../../../../shared/packages/revision.js';
import { verifyPackage } from '../../../../shared/packages/verify-package.js';
import type { ApplicantResult } from '../../../../shared/ranking/applicant-result.js';
import { applicantResultFromConsensus } from '../../../../shared/ranking/from-consensus.js';
import { panelOutcomeFromReturn } from '../../../../shared/ranking/from-panel-return.js';
import { sha256Hex } from '../../../../shared/util/bytes.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { Bilingual } from './messages.js';

/**
 * A panel return read as the secretariat must read it (every signature checked):
 * the leader's package signature with trust from the roster of the assignment this
 * secretariat issued for that panel (and only that panel); each nested scoresheet and
 * countersignature as a package in its own right, signed by the member it is listed under,
 * bound to this panel, each countersignature over exactly this report PDF, every member
 * accounted for (all in the shared importer); a finished consensus.
 * No side effects: the caller applies the result in one transaction, or shows the reason.
 */
export interface CheckedReturn {
  imported: ImportedPackage;
  assignment: AssignmentContent;
  content: PanelReturnContent;
  scoresheets: ScoresheetContent[];
  /** The revision of each member's nested scoresheet, by key id: the next return's must not be older. */
  scoresheetRevisions: Record<string, number>;
  reportPdf: Uint8Array;
  reportSha256: string;
  /** Who countersigned, with reservations or not, and who was recorded absent. */
  signOff: SignOff;
  result: ApplicantResult;
  itemScores: ApplicantItemScores;
}

export interface CheckContext {
  keys: KeyHolder;
  /** The secretariat's own card: the anchor the assignments were signed with. */
  self: IdentityCard;
  /** What this secretariat issued, by panel id. */
  assignmentFor(panelId: string): Promise<AssignmentContent | undefined>;
  history: PackageHistory;
  /** The latest scoresheet of an expert for a panel this secretariat received in an earlier return. */
  heldScoresheet: HeldRecords['scoresheet'];
  /** The rules of the cycle the return names. */
  rules(cycleId: string): Promise<CycleRules>;
  category?: (applicantId: string) => Promise<string | undefined>;
}

const refused = (zh: string, en: string): Result<never, Bilingual> => err({ zh: `已拒绝：${zh}`, en: `refused: ${en}` });

export async function checkPanelReturnFile(bytes: Uint8Array, ctx: CheckContext): Promise<Result<CheckedReturn, Bilingual>> {
  const peek = await verifyPackage(bytes, { trust: null, accept: ['panel-return'] });
  if (!peek.ok) return refused(describePackageError(peek.error, 'zh-CN'), describePackageError(peek.error, 'en'));
  const panelId = peek.value.manifest.subject.panelId ?? '';
  const assignment = await ctx.assignmentFor(panelId);
  if (!assignment) return refused(`本秘书处没有为评审组“${panelId}”下发过评审任务`, `no assignment was issued for panel "${panelId}"`);
  const trust = trustAssignmentRoster(trustStoreFromAnchorCard(ctx.self), assignment);
  // The importer binds the return to this assignment, checks every nested package, the
  // completeness of the sign-off and each scoresheet against the one received before.
  const held: HeldRecords = { assignments: () => Promise.resolve([assignment]), scoresheet: ctx.heldScoresheet };
  const imported = await importPackage(bytes, { keys: ctx.keys, trust, accept: ['panel-return'], history: ctx.history, held });
  if (!imported.ok) return refused(describePackageError(imported.error, 'zh-CN'), describePackageError(imported.error, 'en'));
  const nested = imported.value.panelReturn;
  const signOff = nested?.signOff;
  if (imported.value.type !== 'panel-return' || !nested || !signOff) return refused('不是评审结果包', 'not a panel return');
  const content = imported.value.content;
  const reportPdf = imported.value.blobs.get(content.report.entry) ?? new Uint8Array();
  const reportSha256 = await sha256Hex(reportPdf);
  const scoresheets = nested.scoresheets.map((s) => s.content);
  const outcome = panelOutcomeFromReturn(assignment, content, scoresheets);
  if (!outcome.ok) return refused(outcome.error, outcome.error);
  const category = await ctx.category?.(assignment.applicant.id);
  const result = applicantResultFromConsensus(assignment.criteriaSet, { ...outcome.value, ...(category ? { category } : {}) }, await ctx.rules(assignment.cycle.id));
  if (!result.ok) return refused(`评审组共识尚未完成（${result.error}）`, result.error);
  const percentsOf = (keyId: string) =>
    Object.fromEntries(scoresheets.find((s) => s.expertKeyId === keyId)?.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent] as const])) ?? []);
  const itemScores: ApplicantItemScores = {
    applicantName: assignment.applicant.name,
    members: assignment.panel.members.map((m) => ({ name: m.name, leader: m.role === 'leader', percentByItem: percentsOf(m.keyId) })),
    consensusPercentByItem: Object.fromEntries(content.consensus.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent] as const]))),
  };
  const withSignOff = { ...result.value, ...signOffOfResult(signOff) };
  const scoresheetRevisions = Object.fromEntries(nested.scoresheets.map((s) => [s.content.expertKeyId, s.manifest.revision]));
  return ok({ imported: imported.value, assignment, content, scoresheets, scoresheetRevisions, reportPdf, reportSha256, signOff, result: withSignOff, itemScores });
}
