import type { KeyHolder } from '../crypto/key-holder.js';
import type { TrustStore } from '../identity/trust-store.js';
import { err, ok, type Result } from '../util/result.js';
import type { AssignmentContent } from './content/assignment.js';
import type { CountersignatureContent } from './content/countersignature.js';
import type { PanelReturnContent } from './content/panel-return.js';
import type { ScoresheetContent } from './content/scoresheet.js';
import { verifyReportSignature } from './countersign.js';
import { packageError, type PackageError } from './errors.js';
import { samePanelSubject, type HeldRecords } from './held-records.js';
import type { PackageLimits } from './limits.js';
import type { Manifest, PackageType } from './manifest.js';
import { openVerifiedPackage, type OpenedPackage } from './open-package.js';
import { panelReturnSignOff, type SignOff } from './panel-return-sign-off.js';
import { checkAgainstHeldScoresheet } from './score-history.js';
import { verifyPackage } from './verify-package.js';

export interface NestedScoresheet {
  manifest: Manifest;
  content: ScoresheetContent;
  blobs: ReadonlyMap<string, Uint8Array>;
}

export interface CheckedPanelReturn {
  scoresheets: NestedScoresheet[];
  countersignatures: { manifest: Manifest; content: CountersignatureContent }[];
  /** Who countersigned (agreeing or with reservations) and who was recorded absent; null when no roster was held to check against. */
  signOff: SignOff | null;
}

export interface PanelReturnCheckOptions {
  /** The secretariat's trust, which holds the panel's roster; null checks all but the signers (`zqa verify` without --trust). */
  trust: TrustStore | null;
  /** The secretariat's keys: nested packages were addressed to it as well as the leader. */
  keys: KeyHolder;
  limits?: PackageLimits;
  /** What the device holds: the nested packages are bound to the same assignment, scoresheets checked against earlier ones. */
  held: HeldRecords | null;
}

const partInvalid = (detail: string) => err(packageError('return-part-invalid', detail));

/** A nested package's refusal, as the panel return's: its own code, its place named. */
const nestedFail = (what: string, e: PackageError): Result<never, PackageError> =>
  err({ ...packageError(e.code, `${what}: ${e.detail}`), ...(e.historyBreak ? { historyBreak: e.historyBreak } : {}) });

/**
 * The checks a panel return needs beyond its own signature (docs/package-format.md §7): each
 * nested scoresheet and countersignature is a package in its own right, verified against the
 * member's key, bound to the same cycle, applicant and panel, and opened with the reader's
 * key; each was signed by the member it is listed under; each countersignature is for this
 * report and verifies over this PDF; each scoresheet extends what the device received before.
 * With the assignment the return is bound to, the return must also be complete
 * (panel-return-sign-off.ts). Every refusal has its own code.
 */
export async function checkPanelReturn(
  opened: Pick<OpenedPackage & { type: 'panel-return' }, 'content' | 'manifest' | 'blobs'>,
  assignment: AssignmentContent | null,
  options: PanelReturnCheckOptions,
): Promise<Result<CheckedPanelReturn, PackageError>> {
  const { content, manifest, blobs } = opened;
  const pdf = blobs.get(content.report.entry);
  if (!pdf) return err(packageError('content-invalid', 'the report PDF is missing'));
  const scoresheets = await checkNestedScoresheets(content, manifest, blobs, options);
  if (!scoresheets.ok) return scoresheets;
  const countersignatures: CheckedPanelReturn['countersignatures'] = [];
  for (const c of content.countersignatures) {
    const what = `countersignature of ${c.signerKeyId}`;
    const nested = await openNested(blobs.get(c.package.entry)!, 'countersignature', manifest, options);
    if (!nested.ok) return nestedFail(what, nested.error);
    const sig = nested.value.content as CountersignatureContent;
    if (nested.value.manifest.sender.keyId !== c.signerKeyId || sig.signerKeyId !== c.signerKeyId) return partInvalid(`${what}: signed by another member`);
    if (sig.reportSha256 !== content.report.sha256) return partInvalid(`${what}: it countersigns another report (SHA-256 ${sig.reportSha256.slice(0, 12)}…)`);
    if (!(await verifyReportSignature(nested.value.manifest.sender.signingKey, pdf, sig.signature))) {
      return partInvalid(`${what}: the countersignature is not a valid signature over this report PDF`);
    }
    countersignatures.push({ manifest: nested.value.manifest, content: sig });
  }
  if (!assignment) return ok({ scoresheets: scoresheets.value, countersignatures, signOff: null });
  const signOff = panelReturnSignOff(assignment, content, countersignatures.map((c) => c.content));
  return signOff.ok ? ok({ scoresheets: scoresheets.value, countersignatures, signOff: signOff.value }) : signOff;
}

/**
 * Each nested scoresheet as a package in its own right: the member's signature, trust and
 * binding for this panel, decryption with the caller's key, its content rules — the
 * hash-chained history and the current scores among them — and, against what the device
 * received before, no older revision and no rewritten history.
 */
async function checkNestedScoresheets(
  content: PanelReturnContent,
  manifest: Manifest,
  blobs: ReadonlyMap<string, Uint8Array>,
  options: PanelReturnCheckOptions,
): Promise<Result<NestedScoresheet[], PackageError>> {
  const scoresheets: NestedScoresheet[] = [];
  for (const s of content.scoresheets) {
    const what = `scoresheet of ${s.expertKeyId}`;
    const nested = await openNested(blobs.get(s.package.entry)!, 'scoresheet', manifest, options);
    if (!nested.ok) return nestedFail(what, nested.error);
    const sheet = nested.value.content as ScoresheetContent;
    if (nested.value.manifest.sender.keyId !== s.expertKeyId || sheet.expertKeyId !== s.expertKeyId) return partInvalid(`${what}: signed by another member`);
    if (options.held) {
      const against = await checkAgainstHeldScoresheet(sheet, nested.value.manifest.revision, options.held);
      if (!against.ok) return nestedFail(what, against.error);
    }
    scoresheets.push({ manifest: nested.value.manifest, content: sheet, blobs: nested.value.blobs });
  }
  return ok(scoresheets);
}

/** Verify and open one nested package, bound to the same cycle, applicant and panel as the return. */
async function openNested(bytes: Uint8Array, type: PackageType, outer: Manifest, options: PanelReturnCheckOptions): Promise<Result<OpenedPackage, PackageError>> {
  const verified = await verifyPackage(bytes, { trust: options.trust, accept: [type], held: options.held, ...(options.limits ? { limits: options.limits } : {}) });
  if (!verified.ok) return verified;
  const { subject } = verified.value.manifest;
  if (!samePanelSubject({ cycleId: subject.cycleId ?? '', applicantId: subject.applicantId ?? '', panelId: subject.panelId ?? '' }, { cycleId: outer.subject.cycleId ?? '', applicantId: outer.subject.applicantId ?? '', panelId: outer.subject.panelId ?? '' })) {
    return err(packageError('return-part-invalid', `a ${type} for cycle ${subject.cycleId}, applicant ${subject.applicantId}, panel ${subject.panelId} inside a return for panel ${outer.subject.panelId}`));
  }
  return openVerifiedPackage(verified.value, options.keys, options.limits);
}
