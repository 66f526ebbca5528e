import type { ApplicantItemScores } from '../../../../shared/export/secretariat-tables.js';
import type { KeyHolder } from '../../../../shared/crypto/key-holder.js';
import type { IdentityCard } from '../../../../shared/identity/identity-card.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../../../shared/identity/roster-trust.js';
import type { AssignmentContent } from '../../../../shared/packages/content/assignment.js';
import type { PanelReturnContent } from '../../../../shared/packages/content/panel-return.js';
import type { ScoresheetContent } from '../../../../shared/packages/content/scoresheet.js';
import { describePackageError } from '../../../../shared/packages/errors.js';
import { importPackage, type ImportedPackage } from '../../../../shared/packages/import-package.js';
import type { PackageHistory } from '../../../../shared/packages/revision.js';
import { verifyPackage } from '../../../../shared/packages/verify-package.js';
import type { ApplicantResult } from '../../../../shared/ranking/applicant-result.js';
import { resultFromPanelReturn } from '../../../../shared/ranking/from-panel-return.js';
import { checkPanelReturnParts } from '../../../../shared/ranking/panel-return-checks.js';
import { sha256Hex } from '../../../../shared/util/bytes.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { Bilingual } from './messages.js';

/**
 * A panel return read as the secretariat must read it (issue 5: every signature checked):
 * the leader's package signature with trust from the roster of the assignment this
 * secretariat issued for that panel (and only that panel); each nested scoresheet and
 * countersignature as a package in its own right (the importer); that each was signed by
 * the member it is listed under, who sits on this panel, for this panel; each
 * countersignature over exactly this report PDF; the PDF's SHA-256; a finished consensus.
 * No side effects: the caller applies the result in one transaction, or shows the reason.
 */
export interface CheckedReturn {
  imported: ImportedPackage;
  assignment: AssignmentContent;
  content: PanelReturnContent;
  scoresheets: ScoresheetContent[];
  reportPdf: Uint8Array;
  reportSha256: string;
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
  const imported = await importPackage(bytes, { keys: ctx.keys, trust, accept: ['panel-return'], history: ctx.history });
  if (!imported.ok) return refused(describePackageError(imported.error, 'zh-CN'), describePackageError(imported.error, 'en'));
  if (imported.value.type !== 'panel-return' || !imported.value.panelReturn) return refused('不是评审结果包', 'not a panel return');
  const content = imported.value.content;
  const nested = imported.value.panelReturn;
  const reportPdf = imported.value.blobs.get(content.report.entry) ?? new Uint8Array();
  const reportSha256 = await sha256Hex(reportPdf);
  const problems = await checkPanelReturnParts({
    assignment,
    panelReturn: content,
    reportPdf,
    reportSha256,
    scoresheets: content.scoresheets.map((s, i) => ({ listedKeyId: s.expertKeyId, senderKeyId: nested.scoresheets[i]!.manifest.sender.keyId, content: nested.scoresheets[i]!.content })),
    countersignatures: content.countersignatures.map((c, i) => ({ listedKeyId: c.signerKeyId, senderKeyId: nested.countersignatures[i]!.manifest.sender.keyId, content: nested.countersignatures[i]!.content })),
  });
  if (problems.length > 0) return refused(problems.join('；'), problems.join('; '));
  const scoresheets = nested.scoresheets.map((s) => s.content);
  // Under the rules the panel worked with (the assignment's), with the recommendation it signed.
  const result = resultFromPanelReturn(assignment, content, scoresheets, await ctx.category?.(assignment.applicant.id));
  if (!result.ok) return refused(result.error.zh, result.error.en);
  const percentsOf = (keyId: string) =>
    Object.fromEntries(scoresheets.find((s) => s.expertKeyId === keyId)?.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent] as const])) ?? []);
  const itemScores: ApplicantItemScores = {
    applicantName: assignment.applicant.name,
    members: assignment.panel.members.map((m) => ({ name: m.name, leader: m.role === 'leader', percentByItem: percentsOf(m.keyId) })),
    consensusPercentByItem: Object.fromEntries(content.consensus.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent] as const]))),
  };
  return ok({ imported: imported.value, assignment, content, scoresheets, reportPdf, reportSha256, result: result.value, itemScores });
}
