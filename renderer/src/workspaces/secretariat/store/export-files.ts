import { secretariatCsvFiles, secretariatWorkbook, type SecretariatExportInput } from '../../../../../shared/export/secretariat-export.js';
import type { Result } from '../../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../../db/database.js';
import { recordedDecisions } from './decision-store.js';
import type { Overview } from './overview.js';

/** The overview and every item score, from the stored summaries: the same rows for .xlsx and CSV. */
export async function exportInput(db: ZqaDatabase, overview: Overview): Promise<SecretariatExportInput> {
  const summaries = await db.secSummaries.where('cycleId').equals(overview.cycle.id).toArray();
  const decisions = recordedDecisions(overview);
  return {
    set: overview.criteriaSet,
    cycleName: overview.cycle.name,
    results: overview.results,
    proposal: overview.proposal,
    rules: overview.cycle.rules,
    itemScores: summaries.map((s) => s.itemScores),
    decisions,
  };
}

export function workbookFile(input: SecretariatExportInput): Promise<Result<{ fileName: string; bytes: Uint8Array }, string[]>> {
  return secretariatWorkbook(input);
}

export function csvFiles(input: SecretariatExportInput): { fileName: string; bytes: Uint8Array }[] {
  return secretariatCsvFiles(input);
}
