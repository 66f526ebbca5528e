import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import { validateCycleRules, type CycleRules } from '../../shared/cycle/cycle-rules.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { PanelReturnContent } from '../../shared/packages/content/panel-return.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import type { CountersignatureContent } from '../../shared/packages/content/countersignature.js';
import { importPackage, type ImportedPackage } from '../../shared/packages/import-package.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import type { ApplicantResult } from '../../shared/ranking/applicant-result.js';
import { applicantResultFromConsensus } from '../../shared/ranking/from-consensus.js';
import { panelOutcomeFromReturn } from '../../shared/ranking/from-panel-return.js';
import { checkPanelReturnParts, type NestedPackage } from '../../shared/ranking/panel-return-checks.js';
import { proposeSplit, validateApplicantResults } from '../../shared/ranking/proposal.js';
import { rankJson, type RankJson } from '../../shared/ranking/rank-json.js';
import { formatHundredths } from '../../shared/scoring/hundredths.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { err, ok, type Result } from '../../shared/util/result.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { formatPackageError, readPackageFile } from '../lib/package-files.js';
import { readPassphrase } from '../lib/passphrase.js';
import { printJson, UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa rank DIR [--rules FILE] [--json]
       zqa rank --results FILE [--rules FILE] [--json]
  The comprehensive review's proposed split (Award / Nomination / not awarded, vacancies,
  ties). DIR: the panel returns listed in DIR/index.json, read with the secretariat's key
  file named there (passphrase from index.json or ZQA_PASSPHRASE). --results: a JSON array
  of applicant results, or { "rules": …, "applicants": [ … ] }. --rules: cycle rules, or a
  scenario's { "awardQuota", "nominationQuota", "threshold" }; default: the regulation's.`;

const indexSchema = z.object({
  passphrase: z.string().optional(),
  rules: z.unknown().optional(),
  participants: z.array(z.object({ name: z.string(), role: z.string(), identityCard: z.string(), keyFile: z.string() })),
  packages: z.array(z.object({ file: z.string(), type: z.string() })),
});

/** Cycle rules, accepting the demo scenario's short names (`threshold`, `nominationMinimum`). */
export function rulesFrom(input: unknown): Result<CycleRules, string> {
  let value = input;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const { threshold, nominationMinimum, ...rest } = input as Record<string, unknown>;
    value = {
      ...rest,
      ...(threshold !== undefined ? { awardThresholdPoints: threshold } : {}),
      ...(nominationMinimum !== undefined ? { nominationMinimumPoints: nominationMinimum } : {}),
    };
  }
  const r = validateCycleRules(value);
  return r.ok ? r : err(r.error.map((p) => p.en).join('; '));
}

async function readJson(path: string): Promise<Result<unknown, string>> {
  try {
    return ok(JSON.parse(await readFile(path, 'utf8')) as unknown);
  } catch (e) {
    return err(`cannot read ${path} as JSON: ${(e as Error).message}`);
  }
}

function rulesOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'rules' in value ? value.rules : value;
}

/** Reads the panel returns of DIR as the secretariat: every signature and hash checked. */
export async function resultsFromPanelReturns(dir: string, rules: CycleRules, io: CliIo): Promise<Result<ApplicantResult[], string>> {
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
  const latest = new Map<string, { revision: number; file: string; manifestSha256: string; result: ApplicantResult }>();
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
    if (!before || before.revision < revision) latest.set(panelId, { revision, file: p.file, manifestSha256, result: result.value });
  }
  const results = [...latest.values()].map((l) => l.result);
  const check = validateApplicantResults(results);
  return check.ok ? check : err(check.error.map((e) => e.message).join('; '));
}

function printTable(io: CliIo, json: RankJson): void {
  const section = (title: string, entries: RankJson['award']) => {
    io.stdout(`${title}（${entries.length}）\n`);
    for (const e of entries) {
      const notes = [e.tie ? `并列第${e.tie.group}组` : '', e.exclusions ? `否决项第${e.exclusions.join('、')}项` : ''].filter(Boolean).join('，');
      io.stdout(`  ${formatHundredths(e.totalHundredths).padStart(7)}  ${e.name}${notes ? `（${notes}）` : ''}\n`);
    }
  };
  section('市长质量奖', json.award);
  section('市长质量奖提名奖', json.nomination);
  section('未获奖', json.notAwarded);
  io.stdout(`空缺：市长质量奖 ${json.vacancies.award} 个，提名奖 ${json.vacancies.nomination} 个\n`);
  const names = new Map([...json.award, ...json.nomination, ...json.notAwarded].map((e) => [e.applicantId, e.name]));
  for (const t of json.ties) {
    const places = [t.places.award ? `${t.places.award}个市长质量奖` : '', t.places.nomination ? `${t.places.nomination}个提名奖` : ''].filter(Boolean).join('、');
    io.stdout(
      t.applicantIds.length === 1
        ? `第${t.group}组（${formatHundredths(t.totalHundredths)}分）：${names.get(t.applicantIds[0]!) ?? ''}能否获得${places}名额，取决于上方并列如何决定\n`
        : `并列第${t.group}组（${formatHundredths(t.totalHundredths)}分）：${t.applicantIds.length}家争${places}名额，由评委会决定\n`,
    );
  }
}

export async function rankCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { results: { type: 'string' }, rules: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
  if ((values.results === undefined) === (positionals.length !== 1) || positionals.length > 1) throw new UsageError(USAGE);
  let rulesInput: unknown = {};
  let resultsInput: unknown;
  if (values.results !== undefined) {
    const file = await readJson(values.results);
    if (!file.ok) return fail(io, file.error);
    resultsInput = Array.isArray(file.value) ? file.value : (file.value as { applicants?: unknown } | null)?.applicants;
    if (!Array.isArray(file.value)) rulesInput = rulesOf(file.value) ?? {};
  } else {
    const index = await readJson(join(positionals[0]!, 'index.json'));
    if (index.ok) rulesInput = (index.value as { rules?: unknown } | null)?.rules ?? {};
  }
  if (values.rules !== undefined) {
    const file = await readJson(values.rules);
    if (!file.ok) return fail(io, file.error);
    rulesInput = rulesOf(file.value);
  }
  const rules = rulesFrom(rulesInput);
  if (!rules.ok) return fail(io, `rules: ${rules.error}`);
  let results: Result<ApplicantResult[], string>;
  if (values.results !== undefined) {
    const checked = validateApplicantResults(resultsInput);
    results = checked.ok ? checked : err(checked.error.map((e) => e.message).join('\n'));
  } else {
    results = await resultsFromPanelReturns(positionals[0]!, rules.value, io);
  }
  if (!results.ok) return fail(io, results.error);
  const json = rankJson(proposeSplit(results.value, rules.value));
  if (values.json) printJson(io, json);
  else printTable(io, json);
  return 0;
}

function fail(io: CliIo, message: string): ExitCode {
  io.stderr(`zqa rank: ${message}\n`);
  return 1;
}
