import type { KeyHolder } from '../crypto/key-holder.js';
import type { TrustStore } from '../identity/trust-store.js';
import { err, ok, type Result } from '../util/result.js';
import type { CountersignatureContent } from './content/countersignature.js';
import type { PanelReturnContent } from './content/panel-return.js';
import type { ScoresheetContent } from './content/scoresheet.js';
import { verifyReportSignature } from './countersign.js';
import { packageError, type PackageError } from './errors.js';
import type { PackageLimits } from './limits.js';
import type { Manifest } from './manifest.js';
import { openVerifiedPackage } from './open-package.js';
import { verifyPackage } from './verify-package.js';

export interface NestedScoresheet {
  manifest: Manifest;
  content: ScoresheetContent;
  blobs: ReadonlyMap<string, Uint8Array>;
}

export interface CheckedPanelReturn {
  scoresheets: NestedScoresheet[];
  countersignatures: { manifest: Manifest; content: CountersignatureContent }[];
}

export interface PanelReturnCheckOptions {
  /** The secretariat's trust, which holds the panel's roster; null checks all but the signers (`zqa verify` without --trust). */
  trust: TrustStore | null;
  /** The secretariat's keys: nested packages were addressed to it as well as the leader. */
  keys: KeyHolder;
  limits?: PackageLimits;
}

/** A nested package's refusal, as the panel return's: a broken history keeps its own code and link. */
const nestedFail = (what: string, e: PackageError) =>
  err(e.historyBreak ? { ...packageError('history-broken', `${what}: ${e.detail}`), historyBreak: e.historyBreak } : packageError('content-invalid', `${what}: ${e.code}: ${e.detail}`));

/**
 * The checks a panel return needs beyond its own signature: each nested scoresheet and
 * countersignature is a package in its own right, verified against the member's key and
 * opened with the secretariat's; each countersignature must sign this report's PDF.
 */
export async function checkPanelReturn(
  content: PanelReturnContent,
  manifest: Manifest,
  blobs: ReadonlyMap<string, Uint8Array>,
  options: PanelReturnCheckOptions,
): Promise<Result<CheckedPanelReturn, PackageError>> {
  const pdf = blobs.get(content.report.entry);
  if (!pdf) return err(packageError('content-invalid', 'the report PDF is missing'));
  const limits = options.limits ? { limits: options.limits } : {};
  const scoresheets = await checkNestedScoresheets(content, manifest, blobs, options);
  if (!scoresheets.ok) return scoresheets;
  const countersignatures: CheckedPanelReturn['countersignatures'] = [];
  for (const c of content.countersignatures) {
    const what = `countersignature of ${c.signerKeyId}`;
    const verified = await verifyPackage(blobs.get(c.package.entry)!, { trust: options.trust, accept: ['countersignature'], ...limits });
    if (!verified.ok) return nestedFail(what, verified.error);
    const opened = await openVerifiedPackage(verified.value, options.keys, options.limits);
    if (!opened.ok) return nestedFail(what, opened.error);
    const sig = opened.value.content as CountersignatureContent;
    if (opened.value.manifest.sender.keyId !== c.signerKeyId || sig.reportSha256 !== content.report.sha256) {
      return err(packageError('content-invalid', `${what}: signed by another member or for another report`));
    }
    if (!(await verifyReportSignature(opened.value.manifest.sender.signingKey, pdf, sig.signature))) {
      return err(packageError('content-invalid', `${what}: the countersignature is not a valid signature over this report PDF`));
    }
    countersignatures.push({ manifest: opened.value.manifest, content: sig });
  }
  return ok({ scoresheets: scoresheets.value, countersignatures });
}

/**
 * Each nested scoresheet as a package in its own right: the member's signature, trust for
 * this panel, decryption with the caller's key, its content rules — the hash-chained
 * history among them, so a history changed after the fact is refused with its first
 * broken link named. The importer runs this for every panel return.
 */
export async function checkNestedScoresheets(
  content: PanelReturnContent,
  manifest: Manifest,
  blobs: ReadonlyMap<string, Uint8Array>,
  options: PanelReturnCheckOptions,
): Promise<Result<NestedScoresheet[], PackageError>> {
  const limits = options.limits ? { limits: options.limits } : {};
  const scoresheets: NestedScoresheet[] = [];
  for (const s of content.scoresheets) {
    const what = `scoresheet of ${s.expertKeyId}`;
    const verified = await verifyPackage(blobs.get(s.package.entry)!, { trust: options.trust, accept: ['scoresheet'], ...limits });
    if (!verified.ok) return nestedFail(what, verified.error);
    const opened = await openVerifiedPackage(verified.value, options.keys, options.limits);
    if (!opened.ok) return nestedFail(what, opened.error);
    if (opened.value.manifest.sender.keyId !== s.expertKeyId || opened.value.manifest.subject.panelId !== manifest.subject.panelId) {
      return err(packageError('content-invalid', `${what}: signed by another member or for another panel`));
    }
    scoresheets.push({ manifest: opened.value.manifest, content: opened.value.content as ScoresheetContent, blobs: opened.value.blobs });
  }
  return ok(scoresheets);
}
