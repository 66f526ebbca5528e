import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import type { ApplicantItemScores } from '../../shared/export/secretariat-tables.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { CountersignatureContent } from '../../shared/packages/content/countersignature.js';
import type { PanelReturnContent } from '../../shared/packages/content/panel-return.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { importPackage, type ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import type { ApplicantResult } from '../../shared/ranking/applicant-result.js';
import { resultFromPanelReturn } from '../../shared/ranking/from-panel-return.js';
import { checkPanelReturnParts, type NestedPackage } from '../../shared/ranking/panel-return-checks.js';
import { validateApplicantResults } from '../../shared/ranking/proposal.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { err, ok, type Result } from '../../shared/util/result.js';
import { formatPackageError, readPackageFile } from '../lib/package-files.js';
import { readPassphrase } from '../lib/passphrase.js';
import type { CliIo } from '../io.js';

/**
 * `zqa rank DIR`'s reading half: the panel returns of a folder laid out as `zqa demo` writes it
 * (DIR/index.json naming the secretariat's card and key file and the packages), read as the
 * secretariat's device would import them.
 */
const indexSchema = z.object({
  passphrase: z.string().optional(),
  rules: z.unknown().optional(),
  participants: z.array(z.object({ name: z.string(), role: z.string(), identityCard: z.string(), keyFile: z.string() })),
  /** What the secretariat knows beyond the returns: stage, category, earlier award (checked with the results). */
  applicants: z.array(z.looseObject({ applicantId: z.string() })).optional(),
  packages: z.array(z.object({ file: z.string(), type: z.string() })),
});

export async function readJson(path: string): Promise<Result<unknown, string>> {
  try {
    return ok(JSON.parse(await readFile(path, 'utf8')) as unknown);
  } catch (e) {
    return err(`cannot read ${path} as JSON: ${(e as Error).message}`);
  }
}

export interface PanelReturnsRead {
  cycleName: string;
  criteriaSet: CriteriaSet;
  results: ApplicantResult[];
  /** Each applicant's members' and consensus percentages, for the item-score export. */
  itemScores: ApplicantItemScores[];
}

/** Reads the panel returns of DIR as the secretariat: every signature and hash checked. */
export async function readPanelReturns(dir: string, io: CliIo): Promise<Result<PanelReturnsRead, string>> {
  const indexJson = await readJson(join(dir, 'index.json'));
  if (!indexJson.ok) return indexJson;
  const index = indexSchema.safeParse(indexJson.value);
  if (!index.success) return err(`${join(dir, 'index.json')} is not a demo index: ${index.error.issues.map((i) => i.message).join('; ')}`);
  const secretariat = index.data.participants.find((p) => p.role === 'secretariat');
  if (!secretariat) return err('index.json names no secretariat');
  const keyFile = join(dir, secretariat.keyFile);
  let keyBytes: Uint8Array;
  try {
    keyBytes = new Uint8Array(await readFile(keyFile));
  } catch (e) {
    return err(`cannot read the secretariat's key file ${keyFile}: ${(e as Error).message}`);
  }
  const passphrase = index.data.passphrase ?? (await readPassphrase(io, keyFile));
  const material = await openKeyBackup(keyBytes, passphrase);
  if (!material.ok) return err(`key file ${keyFile}: ${material.error.code}: ${material.error.message}`);
  const keys = await softwareKeyHolderFromPkcs8(material.value.signingPkcs8, material.value.encryptionPkcs8);

  const load = async (file: string, accept: readonly PackageType[], trust: TrustStore, bytes?: Uint8Array): Promise<Result<ImportedPackage, string>> => {
    let data = bytes;
    if (!data) {
      const read = await readPackageFile(join(dir, file));
      if (!read.ok) return err(read.message);
      data = read.bytes;
    }
    const r = await importPackage(data, { keys, trust, accept, history: NO_HISTORY });
    return r.ok ? r : err(`${file}: refused: ${formatPackageError(r.error)}`);
  };

  const card = await load(secretariat.identityCard, ['identity-card'], EMPTY_TRUST_STORE);
  if (!card.ok) return card;
  const anchor = trustStoreFromAnchorCard(card.value.content as IdentityCard);
  const assignments = new Map<string, AssignmentContent>();
  for (const p of index.data.packages.filter((x) => x.type === 'assignment')) {
    const a = await load(p.file, ['assignment'], anchor);
    if (!a.ok) return a;
    const content = a.value.content as AssignmentContent;
    assignments.set(content.panel.id, content);
  }
  const returns = index.data.packages.filter((x) => x.type === 'panel-return');
  if (returns.length === 0) return err(`${dir}/index.json lists no panel-return package`);
  // A leader may send a corrected return: the highest revision per panel counts.
  const latest = new Map<string, { revision: number; file: string; manifestSha256: string; result: ApplicantResult; scores: ApplicantItemScores }>();
  const criteriaSets = new Set([...assignments.values()].map((a) => a.criteriaSet.id));
  if (criteriaSets.size > 1) return err(`the assignments use different criteria sets (${[...criteriaSets].join(', ')}); one overview needs one`);
  for (const p of returns) {
    const read = await readPackageFile(join(dir, p.file));
    if (!read.ok) return err(read.message);
    // Trust is per panel: an expert may lead one panel and sit as a member on another, so
    // only the roster of the panel the return names vouches for its leader.
    const peek = await verifyPackage(read.bytes, { trust: null, accept: ['panel-return'] });
    if (!peek.ok) return err(`${p.file}: refused: ${formatPackageError(peek.error)}`);
    const assignment = assignments.get(peek.value.manifest.subject.panelId ?? '');
    if (!assignment) return err(`${p.file}: no assignment was issued for panel ${peek.value.manifest.subject.panelId ?? '(none)'}`);
    const trust = trustAssignmentRoster(anchor, assignment);
    const r = await load(p.file, ['panel-return'], trust, read.bytes);
    if (!r.ok) return r;
    const content = r.value.content as PanelReturnContent;
    const scoresheets: NestedPackage<ScoresheetContent>[] = [];
    for (const s of content.scoresheets) {
      const nested = await load(`${p.file} › ${s.package.fileName}`, ['scoresheet'], trust, r.value.blobs.get(s.package.entry));
      if (!nested.ok) return nested;
      scoresheets.push({ listedKeyId: s.expertKeyId, senderKeyId: nested.value.manifest.sender.keyId, content: nested.value.content as ScoresheetContent });
    }
    const countersignatures: NestedPackage<CountersignatureContent>[] = [];
    for (const c of content.countersignatures) {
      const nested = await load(`${p.file} › ${c.package.fileName}`, ['countersignature'], trust, r.value.blobs.get(c.package.entry));
      if (!nested.ok) return nested;
      countersignatures.push({ listedKeyId: c.signerKeyId, senderKeyId: nested.value.manifest.sender.keyId, content: nested.value.content as CountersignatureContent });
    }
    const reportPdf = r.value.blobs.get(content.report.entry) ?? new Uint8Array();
    const problems = await checkPanelReturnParts({ assignment, panelReturn: content, reportPdf, reportSha256: await sha256Hex(reportPdf), scoresheets, countersignatures });
    if (problems.length > 0) return err(`${p.file}: refused: ${problems.join('; ')}`);
    const sheets = scoresheets.map((s) => s.content);
    const result = resultFromPanelReturn(assignment, content, sheets);
    if (!result.ok) return err(`${p.file}: refused: ${result.error.en}`);
    const panelId = content.panelId;
    const revision = r.value.manifest.revision;
    const before = latest.get(panelId);
    const manifestSha256 = r.value.manifestSha256;
    // The same package listed twice is the same return, not a conflict.
    if (before && before.revision === revision && before.manifestSha256 !== manifestSha256) {
      return err(`${p.file} and ${before.file} are both revision ${revision} of panel ${panelId}'s return`);
    }
    const percentsOf = (keyId: string) => Object.fromEntries(sheets.find((s) => s.expertKeyId === keyId)?.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent]])) ?? []);
    const scores: ApplicantItemScores = {
      applicantName: assignment.applicant.name,
      members: assignment.panel.members.map((m) => ({ name: m.name, leader: m.role === 'leader', percentByItem: percentsOf(m.keyId) })),
      consensusPercentByItem: Object.fromEntries(content.consensus.items.flatMap((i) => (i.percent === null ? [] : [[i.itemId, i.percent]]))),
    };
    if (!before || before.revision < revision) latest.set(panelId, { revision, file: p.file, manifestSha256, result: result.value, scores });
  }
  const known = new Map((index.data.applicants ?? []).map(({ applicantId, name: _name, ...rest }) => [applicantId, rest]));
  const results = [...latest.values()].map((l) => ({ ...l.result, ...known.get(l.result.applicantId) }));
  const check = validateApplicantResults(results);
  if (!check.ok) return err(check.error.map((e) => e.message).join('; '));
  const first = [...assignments.values()][0]!;
  return ok({ cycleName: first.cycle.name, criteriaSet: first.criteriaSet, results: check.value, itemScores: [...latest.values()].map((l) => l.scores) });
}

