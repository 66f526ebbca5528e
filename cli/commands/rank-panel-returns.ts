import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import type { CycleRules } from '../../shared/cycle/cycle-rules.js';
import type { ApplicantItemScores } from '../../shared/export/secretariat-tables.js';
import { trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import type { ApplicantResult } from '../../shared/ranking/applicant-result.js';
import { validateApplicantResults } from '../../shared/ranking/proposal.js';
import { err, ok, type Result } from '../../shared/util/result.js';
import { receivePanelReturn } from '../../shared/workflow/receive-panel-return.js';
import { receivePackage, type Received } from '../../shared/workflow/received.js';
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

  const load = async <T extends PackageType>(file: string, type: T, trust: TrustStore): Promise<Result<Received<T>, string>> => {
    const read = await readPackageFile(join(dir, file));
    if (!read.ok) return err(read.message);
    const r = await receivePackage(read.bytes, type, { keys, trust, history: NO_HISTORY });
    return r.ok ? r : err(`${file}: refused: ${formatPackageError(r.error)}`);
  };

  const card = await load(secretariat.identityCard, 'identity-card', EMPTY_TRUST_STORE);
  if (!card.ok) return card;
  const anchor = trustStoreFromAnchorCard(card.value.content);
  const assignments = new Map<string, AssignmentContent>();
  for (const p of index.data.packages.filter((x) => x.type === 'assignment')) {
    const a = await load(p.file, 'assignment', anchor);
    if (!a.ok) return a;
    assignments.set(a.value.content.panel.id, a.value.content);
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
    // The secretariat's own step, as its app receives a return (every nested signature checked).
    const checked = await receivePanelReturn(read.bytes, { keys, self: card.value.content, assignmentFor: (panelId) => Promise.resolve(assignments.get(panelId)), history: NO_HISTORY, rules: () => Promise.resolve(rules) });
    if (!checked.ok) return err(`${p.file}: ${checked.error.package ? `refused: ${formatPackageError(checked.error.package)}` : checked.error.en}`);
    const { received, result, itemScores } = checked.value;
    const panelId = received.content.panelId;
    const revision = received.manifest.revision;
    const before = latest.get(panelId);
    const manifestSha256 = received.manifestSha256;
    // The same package listed twice is the same return, not a conflict.
    if (before && before.revision === revision && before.manifestSha256 !== manifestSha256) {
      return err(`${p.file} and ${before.file} are both revision ${revision} of panel ${panelId}'s return`);
    }
    if (!before || before.revision < revision) latest.set(panelId, { revision, file: p.file, manifestSha256, result, scores: itemScores });
  }
  const results = [...latest.values()].map((l) => l.result);
  const check = validateApplicantResults(results);
  if (!check.ok) return err(check.error.map((e) => e.message).join('; '));
  const first = [...assignments.values()][0]!;
  return ok({ cycleName: first.cycle.name, criteriaSet: first.criteriaSet, results: check.value, itemScores: [...latest.values()].map((l) => l.scores) });
}

