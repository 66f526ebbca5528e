import type { Employer, Interest } from '../../../../../shared/panel/expert.js';
import { parseEmployer, parseInterests } from './person-profile.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import { enrolExpert, type ExpertPool } from '../../../../../shared/workflow/enrol-expert.js';
import type { WorkflowError } from '../../../../../shared/workflow/workflow-error.js';
import type { ZqaDatabase } from '../../../db/database.js';
import type { ExpertRow } from '../../../db/secretariat-records.js';
import { nowIso, same, type Bilingual } from './messages.js';

/**
 * The expert pool (评审员专家库): identity cards taken in by the shared enrolment step
 * (shared/workflow/enrol-expert.ts: the card's signature and keys checked, a secretariat card
 * refused), the fingerprint confirmed by a person who compared it with the expert (in person
 * or by phone), and each expert's declared interests.
 */
function dexiePool(db: ZqaDatabase, actor: string): ExpertPool<ExpertRow> {
  return {
    addIfAbsent: (card) =>
      db.transaction('rw', db.secExperts, async () => {
        const existing = await db.secExperts.where('keyId').equals(card.keyId).first();
        if (existing) return { added: false as const, existingName: existing.expert.name };
        const at = nowIso();
        const id = `x${card.keyId.slice(0, 12)}`;
        const row: ExpertRow = {
          id,
          keyId: card.keyId,
          card,
          // The card's organisation is the expert's employer until the secretariat records more (a credit code).
          expert: { id, name: card.name, organisation: card.organisation, fingerprint: card.fingerprint, fingerprintConfirmed: false, employer: { name: card.organisation }, interests: [] },
          importedAt: at,
          updatedAt: at,
          updatedBy: actor,
        };
        await db.secExperts.add(row);
        return { added: true as const, entry: row };
      }),
  };
}

export function importExpertCard(db: ZqaDatabase, bytes: Uint8Array, actor: string): Promise<Result<ExpertRow, WorkflowError>> {
  return enrolExpert(bytes, dexiePool(db, actor));
}

/** A person compared the fingerprint with the expert and ticks it: recorded with who and when. */
export async function confirmFingerprint(db: ZqaDatabase, id: string, confirmed: boolean, actor: string): Promise<void> {
  const at = nowIso();
  await db.transaction('rw', db.secExperts, async () => {
    const row = await db.secExperts.get(id);
    if (!row) return;
    const { confirmedAt: _a, confirmedBy: _b, ...rest } = row;
    await db.secExperts.put({
      ...rest,
      expert: { ...row.expert, fingerprintConfirmed: confirmed },
      ...(confirmed ? { confirmedAt: at, confirmedBy: actor } : {}),
      updatedAt: at,
      updatedBy: actor,
    });
  });
}

/** The expert's employer (name and, for an exact match, its credit code), checked against every applicant. */
export async function setEmployer(db: ZqaDatabase, id: string, input: unknown, actor: string): Promise<Result<Employer, Bilingual[]>> {
  const employer = parseEmployer(input);
  if (!employer.ok) return employer;
  return db.transaction('rw', db.secExperts, async () => {
    const row = await db.secExperts.get(id);
    if (!row) return err([same(`unknown expert ${id}`)]);
    await db.secExperts.put({ ...row, expert: { ...row.expert, employer: employer.value }, updatedAt: nowIso(), updatedBy: actor });
    return ok(employer.value);
  });
}

/** Replaces the expert's declared interests; each is validated (a former employer needs its end date). */
export async function setInterests(db: ZqaDatabase, id: string, input: readonly unknown[], actor: string): Promise<Result<Interest[], Bilingual[]>> {
  const interests = parseInterests(input);
  if (!interests.ok) return interests;
  return db.transaction('rw', db.secExperts, async () => {
    const row = await db.secExperts.get(id);
    if (!row) return err([same(`unknown expert ${id}`)]);
    await db.secExperts.put({ ...row, expert: { ...row.expert, interests: interests.value }, updatedAt: nowIso(), updatedBy: actor });
    return ok(interests.value);
  });
}
