import type { IdentityCard } from '../../../../shared/identity/identity-card.js';
import { EMPTY_TRUST_STORE } from '../../../../shared/identity/trust-store.js';
import { employerSchema, interestSchema, type Employer, type Interest } from '../../../../shared/panel/expert.js';
import { describePackageError } from '../../../../shared/packages/errors.js';
import { importPackage } from '../../../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../../../shared/packages/revision.js';
import { err, ok, type Result } from '../../../../shared/util/result.js';
import type { ZqaDatabase } from '../../db/database.js';
import type { ExpertRow } from '../records.js';
import { nowIso, same, type Bilingual } from './messages.js';

/**
 * The expert pool (评审员专家库): identity cards imported as packages (the card's signature
 * and keys checked by the importer), the fingerprint confirmed by a person who compared it
 * with the expert (in person or by phone), and each expert's declared interests.
 */
export async function importExpertCard(db: ZqaDatabase, bytes: Uint8Array, actor: string): Promise<Result<ExpertRow, Bilingual>> {
  const imported = await importPackage(bytes, { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'], history: NO_HISTORY });
  if (!imported.ok) return err({ zh: describePackageError(imported.error, 'zh-CN'), en: describePackageError(imported.error, 'en') });
  if (imported.value.type !== 'identity-card') return err(same('not an identity card'));
  const card: IdentityCard = imported.value.content;
  if (card.role === 'secretariat') return err({ zh: `“${card.name}”的身份卡是秘书处的，不能加入专家库`, en: `${card.name}'s card is a secretariat card, not an expert's` });
  const at = nowIso();
  return db.transaction('rw', db.secExperts, async () => {
    const existing = await db.secExperts.where('keyId').equals(card.keyId).first();
    if (existing) return err({ zh: `“${existing.expert.name}”的身份卡已在专家库中，未作更改`, en: `${existing.expert.name}'s card is already in the pool; nothing changed` });
    const row: ExpertRow = {
      id: `x${card.keyId.slice(0, 12)}`,
      keyId: card.keyId,
      card,
      // The card's organisation is the expert's employer until the secretariat records more (a credit code).
      expert: { id: `x${card.keyId.slice(0, 12)}`, name: card.name, organisation: card.organisation, fingerprint: card.fingerprint, fingerprintConfirmed: false, employer: { name: card.organisation }, interests: [] },
      importedAt: at,
      updatedAt: at,
      updatedBy: actor,
    };
    await db.secExperts.add(row);
    return ok(row);
  });
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
  const parsed = employerSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.map((i) => ({ zh: `${i.path.join('.')}：${(i as { params?: { zh?: string } }).params?.zh ?? i.message}`, en: `${i.path.join('.')}: ${i.message}` })));
  return db.transaction('rw', db.secExperts, async () => {
    const row = await db.secExperts.get(id);
    if (!row) return err([same(`unknown expert ${id}`)]);
    await db.secExperts.put({ ...row, expert: { ...row.expert, employer: parsed.data }, updatedAt: nowIso(), updatedBy: actor });
    return ok(parsed.data);
  });
}

/** Replaces the expert's declared interests; each is validated (a former employer needs its end date). */
export async function setInterests(db: ZqaDatabase, id: string, input: readonly unknown[], actor: string): Promise<Result<Interest[], Bilingual[]>> {
  const interests: Interest[] = [];
  const problems: Bilingual[] = [];
  input.forEach((raw, i) => {
    const parsed = interestSchema.safeParse(raw);
    if (parsed.success) interests.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push({ zh: `第${i + 1}项 ${issue.path.join('.')}：${(issue as { params?: { zh?: string } }).params?.zh ?? issue.message}`, en: `interest ${i + 1} ${issue.path.join('.')}: ${issue.message}` });
  });
  if (problems.length > 0) return err(problems);
  return db.transaction('rw', db.secExperts, async () => {
    const row = await db.secExperts.get(id);
    if (!row) return err([same(`unknown expert ${id}`)]);
    await db.secExperts.put({ ...row, expert: { ...row.expert, interests }, updatedAt: nowIso(), updatedBy: actor });
    return ok(interests);
  });
}
