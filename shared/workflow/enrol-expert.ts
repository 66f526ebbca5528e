import { makeIdentityCard, type IdentityCard } from '../identity/identity-card.js';
import type { IdentityFacts } from '../identity/role.js';
import { EMPTY_TRUST_STORE } from '../identity/trust-store.js';
import { packageError, type PackageError } from '../packages/errors.js';
import { NO_HISTORY } from '../packages/revision.js';
import { writePackage, type WrittenPackage } from '../packages/write-package.js';
import { err, ok, type Result } from '../util/result.js';
import type { Clock } from './ports/clock.js';
import type { KeyHolder } from './ports/keys.js';
import { receivePackage } from './received.js';
import { fromPackageError, refuse, type WorkflowError } from './workflow-error.js';

/**
 * Enrol (everyone, then the secretariat): a person sends their identity card; the secretariat
 * takes an expert's card into its pool, and every device takes the secretariat's card as its
 * trust anchor. A card proves only that its sender holds the key: a person then compares the
 * fingerprint (by phone or in person) before it is trusted.
 */

/**
 * A person's card as an `identity-card` package (public, self-signed). Each export is the next
 * revision, so a corrected card (a typo fixed) supersedes the old one at the secretariat.
 */
export async function writeIdentityCard(facts: IdentityFacts, revision: number, ports: { keys: KeyHolder; clock: Clock }): Promise<Result<{ card: IdentityCard; written: WrittenPackage }, WorkflowError>> {
  const card = await makeIdentityCard(facts, await ports.keys.publicKeys());
  const written = await writePackage({ type: 'identity-card', content: card, subject: {}, revision, createdAt: ports.clock.now(), sender: { name: facts.name, keys: ports.keys }, recipients: [] });
  return written.ok ? ok({ card, written: written.value }) : err(fromPackageError(written.error));
}

/** A well-formed identity-card package whose card binds the key that signed it. */
export async function readIdentityCard(bytes: Uint8Array): Promise<Result<IdentityCard, PackageError>> {
  const received = await receivePackage(bytes, 'identity-card', { keys: null, trust: EMPTY_TRUST_STORE, history: NO_HISTORY, held: null });
  return received.ok ? ok(received.value.content) : received;
}

/** The card a device is asked to trust as its anchor: it must be the secretariat's. */
export async function readSecretariatCard(bytes: Uint8Array): Promise<Result<IdentityCard, PackageError>> {
  const card = await readIdentityCard(bytes);
  if (!card.ok) return card;
  if (card.value.role !== 'secretariat') return err(packageError('untrusted-signer', `the card is ${card.value.name}'s, role ${card.value.role}, not the secretariat's`));
  return card;
}

/** The secretariat's expert pool, as this step needs it; `Entry` is what the pool keeps of an expert. */
export interface ExpertPool<Entry> {
  /** Adds the card unless an expert with its key is already in the pool, in one atomic step. */
  addIfAbsent(card: IdentityCard): Promise<{ added: true; entry: Entry } | { added: false; existingName: string }>;
}

/** Takes an expert's card into the pool; the fingerprint is still to be confirmed by a person. */
export async function enrolExpert<Entry>(bytes: Uint8Array, pool: ExpertPool<Entry>): Promise<Result<Entry, WorkflowError>> {
  const card = await readIdentityCard(bytes);
  if (!card.ok) return err(fromPackageError(card.error));
  const { name, role } = card.value;
  if (role === 'secretariat') return refuse('not-allowed', `“${name}”的身份卡是秘书处的，不能加入专家库`, `${name}'s card is a secretariat card, not an expert's`);
  const added = await pool.addIfAbsent(card.value);
  if (!added.added) return refuse('mismatch', `“${added.existingName}”的身份卡已在专家库中，未作更改`, `${added.existingName}'s card is already in the pool; nothing changed`);
  return ok(added.entry);
}
