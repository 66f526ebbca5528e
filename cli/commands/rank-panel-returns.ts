import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import type { ApplicantItemScores } from '../../shared/export/secretariat-tables.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { packageError } from '../../shared/packages/errors.js';
import { heldRecordsFrom, samePanelSubject, type HeldRecords } from '../../shared/packages/held-records.js';
import { importPackage, type ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { signOffOfResult } from '../../shared/packages/panel-return-sign-off.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { scoresheetSeriesProblem, type FoundScoresheet } from '../../shared/packages/score-history.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import type { ApplicantResult } from '../../shared/ranking/applicant-result.js';
import { applicantResultFromConsensus } from '../../shared/ranking/from-consensus.js';
import { panelOutcomeFromReturn } from '../../shared/ranking/from-panel-return.js';
import { validateApplicantResults } from '../../shared/ranking/proposal.js';
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
export async function readPanelReturns(dir: string, rules: CycleRules, io: CliIo): Promise<Result<PanelReturnsRead, string>> {
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

  const load = async (file: string, accept: readonly PackageType[], trust: TrustStore, held: HeldRecords | null, bytes?: Uint8Array): Promise<Result<ImportedPackage, string>> => {
    let data = bytes;
    if (!data) {
      const read = await readPackageFile(join(dir, file));
      if (!read.ok) return err(read.message);
      data = read.bytes;
    }
    const r = await importPackage(data, { keys, trust, accept, history: NO_HISTORY, held });
    return r.ok ? r : err(`${file}: refused: ${formatPackageError(r.error)}`);
  };

  const card = await load(secretariat.identityCard, ['identity-card'], EMPTY_TRUST_STORE, null);
  if (!card.ok) return card;
  if (card.value.type !== 'identity-card') return err(`${secretariat.identityCard} is not an identity card`);
  const anchor = trustStoreFromAnchorCard(card.value.content);
  const assignments = new Map<string, AssignmentContent>();
  for (const p of index.data.packages.filter((x) => x.type === 'assignment')) {
    const a = await load(p.file, ['assignment'], anchor, null);
    if (!a.ok) return a;
    if (a.value.type !== 'assignment') return err(`${p.file} is not an assignment`);
    assignments.set(a.value.content.panel.id, a.value.content);
  }
  // Packages about a panel are bound to the assignment issued for it, as on the secretariat's device.
  const held = heldRecordsFrom({ assignments: [...assignments.values()] });
  // Trust is per panel: an expert may lead one panel and sit as a member on another, so only
  // the roster of the panel a package names vouches for its signer.
  const trustFor = async (file: string, bytes: Uint8Array, type: PackageType): Promise<Result<TrustStore, string>> => {
    const peek = await verifyPackage(bytes, { trust: null, accept: [type] });
    if (!peek.ok) return err(`${file}: refused: ${formatPackageError(peek.error)}`);
    const assignment = assignments.get(peek.value.manifest.subject.panelId ?? '');
    if (!assignment) return err(`${file}: no assignment was issued for panel ${peek.value.manifest.subject.panelId ?? '(none)'}`);
    return ok(trustAssignmentRoster(anchor, assignment));
  };
  const readChecked = async (file: string, type: PackageType): Promise<Result<ImportedPackage, string>> => {
    const read = await readPackageFile(join(dir, file));
    if (!read.ok) return err(read.message);
    const trust = await trustFor(file, read.bytes, type);
    return trust.ok ? load(file, [type], trust.value, held, read.bytes) : trust;
  };

  // Every scoresheet in the folder, loose or nested in a return: one expert's revisions must
  // tell one history (each extends the one before), checked once all are read.
  const found: FoundScoresheet[] = [];
  for (const p of index.data.packages.filter((x) => x.type === 'scoresheet')) {
    const s = await readChecked(p.file, 'scoresheet');
    if (!s.ok) return s;
    if (s.value.type === 'scoresheet') found.push(foundScoresheet(p.file, s.value.manifest.revision, s.value.content));
  }
  const returns = index.data.packages.filter((x) => x.type === 'panel-return');
  if (returns.length === 0) return err(`${dir}/index.json lists no panel-return package`);
  // A leader may send a corrected return: the highest revision per panel counts.
  const latest = new Map<string, { revision: number; file: string; manifestSha256: string; result: ApplicantResult; scores: ApplicantItemScores; nested: FoundScoresheet[] }>();
  const criteriaSets = new Set([...assignments.values()].map((a) => a.criteriaSet.id));
  if (criteriaSets.size > 1) return err(`the assignments use different criteria sets (${[...criteriaSets].join(', ')}); one overview needs one`);
  for (const p of returns) {
    // The shared importer checks the return as the app does: bound to its assignment, every
    // nested package verified and opened, every member's scoresheet and countersignature or
    // recorded absence present, each countersignature over this report.
    const r = await readChecked(p.file, 'panel-return');
    if (!r.ok) return r;
    if (r.value.type !== 'panel-return' || !r.value.panelReturn?.signOff) return err(`${p.file}: refused: not a complete panel return`);
    const content = r.value.content;
    const assignment = assignments.get(content.panelId)!;
    const nested = r.value.panelReturn.scoresheets.map((s, i) => foundScoresheet(`${p.file} › ${content.scoresheets[i]?.package.fileName ?? s.content.expertKeyId}`, s.manifest.revision, s.content));
    found.push(...nested);
    const sheets = r.value.panelReturn.scoresheets.map((s) => s.content);
    const outcome = panelOutcomeFromReturn(assignment, content, sheets);
    if (!outcome.ok) return err(`${p.file}: ${outcome.error}`);
    const result = applicantResultFromConsensus(assignment.criteriaSet, outcome.value, rules);
    if (!result.ok) return err(`${p.file}: ${result.error}`);
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
    const withSignOff = { ...result.value, ...signOffOfResult(r.value.panelReturn.signOff) };
    if (!before || before.revision < revision) latest.set(panelId, { revision, file: p.file, manifestSha256, result: withSignOff, scores, nested });
  }
  const rewritten = scoresheetSeriesProblem(found);
  if (rewritten) return err(`${rewritten.where}: refused: ${formatPackageError(rewritten.error)}`);
  // The return that counts must carry each member's latest scoresheet found in the folder.
  for (const l of latest.values()) {
    for (const n of l.nested) {
      const newer = found.filter((f) => f.expertKeyId === n.expertKeyId && samePanelSubject(f.subject, n.subject) && f.revision > n.revision).sort((a, b) => b.revision - a.revision)[0];
      if (newer) return err(`${l.file}: refused: ${formatPackageError(packageError('stale-revision', `it nests revision ${n.revision} of ${n.expertKeyId}'s scoresheet; revision ${newer.revision} is in ${newer.where}`))}`);
    }
  }
  const results = [...latest.values()].map((l) => l.result);
  const check = validateApplicantResults(results);
  if (!check.ok) return err(check.error.map((e) => e.message).join('; '));
  const first = [...assignments.values()][0]!;
  return ok({ cycleName: first.cycle.name, criteriaSet: first.criteriaSet, results: check.value, itemScores: [...latest.values()].map((l) => l.scores) });
}

function foundScoresheet(where: string, revision: number, content: ScoresheetContent): FoundScoresheet {
  return { where, revision, expertKeyId: content.expertKeyId, subject: { cycleId: content.cycleId, applicantId: content.applicantId, panelId: content.panelId }, history: content.history };
}
