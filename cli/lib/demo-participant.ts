import type { KeyMaterial } from '../../shared/crypto/key-backup.js';
import { softwareKeyHolder, type KeyHolder } from '../../shared/crypto/key-holder.js';
import { exportPrivateKeys, generateIdentityKeyPairs } from '../../shared/crypto/keys.js';
import { makeIdentityCard, type IdentityCard } from '../../shared/identity/identity-card.js';
import type { IdentityFacts } from '../../shared/identity/role.js';
import type { WrittenPackage } from '../../shared/packages/write-package.js';
import type { Result } from '../../shared/util/result.js';
import { writeIdentityCard } from '../../shared/workflow/enrol-expert.js';
import type { WorkflowError } from '../../shared/workflow/workflow-error.js';

/** One simulated device: a person, their keys (in memory), their card. */
export interface Participant {
  facts: IdentityFacts;
  keys: KeyHolder;
  card: IdentityCard;
  material: KeyMaterial;
}

export async function createParticipant(facts: IdentityFacts): Promise<Participant> {
  const pairs = await generateIdentityKeyPairs(true);
  const keys = await softwareKeyHolder(pairs);
  const card = await makeIdentityCard(facts, await keys.publicKeys());
  const material: KeyMaterial = { ...(await exportPrivateKeys(pairs)), identity: facts };
  return { facts, keys, card, material };
}

/** The participant's identity card as an `identity-card` package (self-signed, public): the app's own step. */
export async function writeCardPackage(p: Participant, createdAt: Date): Promise<Result<WrittenPackage, WorkflowError>> {
  const written = await writeIdentityCard(p.facts, 1, { keys: p.keys, clock: { now: () => createdAt } });
  return written.ok ? { ok: true, value: written.value.written } : written;
}
