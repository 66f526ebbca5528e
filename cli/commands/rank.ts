import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { validateCycleRules, type CycleRules } from '../../shared/cycle/cycle-rules.js';
import { secretariatCsvFiles, secretariatWorkbook, type SecretariatExportInput } from '../../shared/export/secretariat-export.js';
import { validateApplicantResults } from '../../shared/ranking/proposal.js';
import { rankJson, type RankJson } from '../../shared/ranking/rank-json.js';
import { formatHundredths } from '../../shared/scoring/hundredths.js';
import { err, type Result } from '../../shared/util/result.js';
import { proposeRanking } from '../../shared/workflow/propose-ranking.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { printJson, UsageError, type CliIo, type ExitCode } from '../io.js';
import { readJson, readPanelReturns, type PanelReturnsRead } from './rank-panel-returns.js';

const USAGE = `usage: zqa rank DIR [--rules FILE] [--json] [--xlsx FILE] [--csv DIR]
       zqa rank --results FILE [--rules FILE] [--json] [--xlsx FILE] [--csv DIR]
  The comprehensive review's proposed split (Award / Nomination / not awarded, vacancies,
  ties) of the candidates; applicants whose stage makes them no candidate are listed apart
  with the reason. DIR: the panel returns listed in DIR/index.json, read with the
  secretariat's key file named there (passphrase from index.json or ZQA_PASSPHRASE), with
  each applicant's stage, category and earlier award from index.json. --results: a JSON array
  of applicant results, or { "rules": …, "applicants": [ … ] }. --rules: cycle rules, or a
  scenario's { "preset", "awardQuota", "nominationQuota", "threshold", "nominationMinimum", … }
  on a preset ('draft-2021' by default, or 'adopted-2022'); the nomination minimum must be
  stated. --xlsx / --csv: also write the overview and all item scores (综合评审汇总, 评分明细).`;

/**
 * Cycle rules on a preset, accepting the demo scenario's short names (`threshold`,
 * `nominationMinimum`); the nomination minimum must be stated.
 */
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

const NOT_AWARDED_ZH: Record<string, string> = { excluded: '否决项', 'below-nomination-minimum': '低于提名奖最低分', 'no-place-left': '名额已满' };

function rulesOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'rules' in value ? value.rules : value;
}

function printTable(io: CliIo, json: RankJson): void {
  const section = (title: string, entries: RankJson['award']) => {
    io.stdout(`${title}（${entries.length}）\n`);
    for (const e of entries) {
      const notes = [
        e.tie ? `并列第${e.tie.group}组` : '',
        e.exclusions ? `否决项第${e.exclusions.join('、')}项` : e.reason ? NOT_AWARDED_ZH[e.reason] ?? e.reason : '',
        e.place === 'repeat' ? '再次获奖，不占名额' : e.place === 'reserved' ? `预留名额：${e.category ?? ''}` : '',
      ]
        .filter(Boolean)
        .join('，');
      io.stdout(`  ${formatHundredths(e.totalHundredths).padStart(7)}  ${e.name}${notes ? `（${notes}）` : ''}\n`);
    }
  };
  section('市长质量奖', json.award);
  section('市长质量奖提名奖', json.nomination);
  section('未获奖', json.notAwarded);
  io.stdout(`未参与排名（${json.notRanked.length}）\n`);
  for (const n of json.notRanked) io.stdout(`  ${formatHundredths(n.totalHundredths).padStart(7)}  ${n.name}（${n.reason}）\n`);
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
  for (const w of json.warnings) io.stdout(`注意：${w}\n`);
}

export async function rankCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { results: { type: 'string' }, rules: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' }, csv: { type: 'string' } },
    USAGE,
  );
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
    if (!index.ok) return fail(io, index.error);
    rulesInput = (index.value as { rules?: unknown } | null)?.rules ?? {};
  }
  if (values.rules !== undefined) {
    const file = await readJson(values.rules);
    if (!file.ok) return fail(io, file.error);
    rulesInput = rulesOf(file.value);
  }
  const rules = rulesFrom(rulesInput);
  if (!rules.ok) return fail(io, `rules: ${rules.error}`);
  let read: Result<PanelReturnsRead, string>;
  if (values.results !== undefined) {
    const checked = validateApplicantResults(resultsInput);
    read = checked.ok
      ? { ok: true, value: { cycleName: '综合评审', criteriaSet: GBT19580_2012, results: checked.value, itemScores: [] } }
      : err(checked.error.map((e) => e.message).join('\n'));
  } else {
    read = await readPanelReturns(positionals[0]!, io);
  }
  if (!read.ok) return fail(io, read.error);
  const { proposal } = proposeRanking(rules.value, read.value.results);
  const exported: SecretariatExportInput = { set: read.value.criteriaSet, cycleName: read.value.cycleName, results: read.value.results, proposal, rules: rules.value, itemScores: read.value.itemScores };
  // Files first: a refusal to write leaves no proposal printed as if all went well.
  try {
    if (values.xlsx !== undefined) {
      const book = await secretariatWorkbook(exported);
      if (!book.ok) return fail(io, `cannot write the workbook: ${book.error.join('; ')}`);
      await writeFile(values.xlsx, book.value.bytes);
    }
    if (values.csv !== undefined) {
      await mkdir(values.csv, { recursive: true });
      for (const f of secretariatCsvFiles(exported)) await writeFile(join(values.csv, f.fileName), f.bytes);
    }
  } catch (e) {
    return fail(io, `cannot write the export: ${(e as Error).message}`);
  }
  const json = rankJson(proposal);
  if (values.json) printJson(io, json);
  else printTable(io, json);
  return 0;
}

function fail(io: CliIo, message: string): ExitCode {
  io.stderr(`zqa rank: ${message}\n`);
  return 1;
}
