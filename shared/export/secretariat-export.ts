import type { CriteriaSet } from '../criteria/criteria-set.js';
import type { RecommendationRules } from '../cycle/cycle-rules.js';
import type { ApplicantResult } from '../ranking/applicant-result.js';
import type { DecisionRecord } from '../ranking/committee-decision.js';
import type { Proposal } from '../ranking/proposal.js';
import type { Result } from '../util/result.js';
import { fileNames } from '../workflow/file-names.js';
import { csvBytes, toCsv } from './csv.js';
import { itemScoresTable, overviewTable, tableSheet, type ApplicantItemScores } from './secretariat-tables.js';
import { writeXlsx } from './xlsx-write.js';

/**
 * The secretariat's two exports as files: one workbook with both sheets, or two CSV files
 * (CSV has one table per file). File names are Chinese, as the secretariat files them.
 */
export interface SecretariatExportInput {
  set: CriteriaSet;
  cycleName: string;
  results: readonly ApplicantResult[];
  proposal: Proposal;
  /** The cycle's rules now: the signed recommendations are flagged against them. */
  rules: RecommendationRules;
  itemScores: readonly ApplicantItemScores[];
  /** The committee's decisions with their votes, once recorded (absent from `zqa rank`). */
  decisions?: readonly DecisionRecord[];
}

export async function secretariatWorkbook(input: SecretariatExportInput): Promise<Result<{ fileName: string; bytes: Uint8Array }, string[]>> {
  const written = await writeXlsx({ sheets: [tableSheet(overviewTable(input.set, input.results, input.proposal, input.rules, input.decisions)), tableSheet(itemScoresTable(input.set, input.itemScores))] });
  return written.ok ? { ok: true, value: { fileName: fileNames.secretariatExport(input.cycleName, '综合评审', 'xlsx'), bytes: written.value } } : written;
}

export function secretariatCsvFiles(input: SecretariatExportInput): { fileName: string; bytes: Uint8Array }[] {
  return [overviewTable(input.set, input.results, input.proposal, input.rules, input.decisions), itemScoresTable(input.set, input.itemScores)].map((t) => ({
    fileName: fileNames.secretariatExport(input.cycleName, t.name, 'csv'),
    bytes: csvBytes(toCsv(t.header, t.rows)),
  }));
}
