import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CriteriaSet } from '../../shared/criteria/criteria-set.js';
import { openKeyBackup } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import type { ApplicantItemScores } from '../../shared/export/secretariat-tables.js';
import { trustAssignmentRoster, trustStoreFromAnchorCard } from '../../shared/identity/roster-trust.js';
import { EMPTY_TRUST_STORE, type TrustStore } from '../../shared/identity/trust-store.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { packageError } from '../../shared/packages/errors.js';
import { heldRecordsFrom, samePanelSubject, type HeldRecords } from '../../shared/packages/held-records.js';
import type { PackageType } from '../../shared/packages/manifest.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { scoresheetSeriesProblem, type FoundScoresheet } from '../../shared/packages/score-history.js';
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
  /** What the secretariat knows beyond the returns: stage, category, earlier award (checked with the results). */
  applicants: z.array(z.looseObject({ applicantId: z.string() })).optional(),
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

  const load = async <T extends PackageType>(file: string, type: T, trust: TrustStore, held: HeldRecords | null = null): Promise<Result<Received<T>, string>> => {
    const read = await readPackageFile(join(dir, file));
    if (!read.ok) return err(read.message);
    const r = await receivePackage(read.bytes, type, { keys, trust, history: NO_HISTORY, held });
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
  // Packages about a panel are bound to the assignment issued for it, as on the secretariat's device.
  const held = heldRecordsFrom({ assignments: [...assignments.values()] });
  // Roles are per panel in a trust store: each roster vouches for its members on its own panel only.
  const rosters = [...assignments.values()].reduce(trustAssignmentRoster, anchor);
  // Every scoresheet in the folder, loose or nested in a return: one expert's revisions must
  // tell one history (each extends the one before), checked once all are read.
  const found: FoundScoresheet[] = [];
  for (const p of index.data.packages.filter((x) => x.type === 'scoresheet')) {
    const s = await load(p.file, 'scoresheet', rosters, held);
    if (!s.ok) return s;
    found.push(foundScoresheet(p.file, s.value.manifest.revision, s.value.content));
  }
  const returns = index.data.packages.filter((x) => x.type === 'panel-return');
  if (returns.length === 0) return err(`${dir}/index.json lists no panel-return package`);
  // A leader may send a corrected return: the highest revision per panel counts.
  const latest = new Map<string, { revision: number; file: string; manifestSha256: string; result: ApplicantResult; scores: ApplicantItemScores; nested: FoundScoresheet[] }>();
  const criteriaSets = new Set([...assignments.values()].map((a) => a.criteriaSet.id));
  if (criteriaSets.size > 1) return err(`the assignments use different criteria sets (${[...criteriaSets].join(', ')}); one overview needs one`);
  for (const p of returns) {
    const read = await readPackageFile(join(dir, p.file));
    if (!read.ok) return err(read.message);
    // The secretariat's own step, as its app receives a return (every nested signature checked).
    // Scoresheets are compared across the whole folder below, not against a device's store.
    const checked = await receivePanelReturn(read.bytes, {
      keys, self: card.value.content, assignmentFor: (panelId) => Promise.resolve(assignments.get(panelId)), history: NO_HISTORY, heldScoresheet: () => Promise.resolve(null),
    });
    if (!checked.ok) return err(`${p.file}: ${checked.error.package ? `refused: ${formatPackageError(checked.error.package)}` : checked.error.en}`);
    const { received, result, itemScores } = checked.value;
    const nested = (received.panelReturn?.scoresheets ?? []).map((s, i) => foundScoresheet(`${p.file} › ${received.content.scoresheets[i]?.package.fileName ?? s.content.expertKeyId}`, s.manifest.revision, s.content));
    found.push(...nested);
    const panelId = received.content.panelId;
    const revision = received.manifest.revision;
    const before = latest.get(panelId);
    const manifestSha256 = received.manifestSha256;
    // The same package listed twice is the same return, not a conflict.
    if (before && before.revision === revision && before.manifestSha256 !== manifestSha256) {
      return err(`${p.file} and ${before.file} are both revision ${revision} of panel ${panelId}'s return`);
    }
    if (!before || before.revision < revision) latest.set(panelId, { revision, file: p.file, manifestSha256, result, scores: itemScores, nested });
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
  const known = new Map((index.data.applicants ?? []).map(({ applicantId, name: _name, ...rest }) => [applicantId, rest]));
  const results = [...latest.values()].map((l) => ({ ...l.result, ...known.get(l.result.applicantId) }));
  const check = validateApplicantResults(results);
  if (!check.ok) return err(check.error.map((e) => e.message).join('; '));
  const first = [...assignments.values()][0]!;
  return ok({ cycleName: first.cycle.name, criteriaSet: first.criteriaSet, results: check.value, itemScores: [...latest.values()].map((l) => l.scores) });
}

function foundScoresheet(where: string, revision: number, content: ScoresheetContent): FoundScoresheet {
  return { where, revision, expertKeyId: content.expertKeyId, subject: { cycleId: content.cycleId, applicantId: content.applicantId, panelId: content.panelId }, history: content.history };
}

