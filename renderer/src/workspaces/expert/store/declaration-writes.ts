import { canonicalJson } from '../../../../../shared/util/canonical-json.js';
import { CONFLICT_KINDS, type ConflictKind, type DeclarationRecord } from '../../../db/records.js';
import { cleanText, MAX_NOTE_CHARS, ReviewWriteError, stamp, type WriteContext } from './write-context.js';

export type DeclarationInput = { conflict: false } | { conflict: true; conflictKind: ConflictKind; detail: string };

/** Signs bytes with this device's key; null when the host cannot sign (the declaration still counts). */
export type DeclarationSigner = (data: Uint8Array) => Promise<{ signature: string; signingKey: string } | null>;

/**
 * Records the expert's conflict-of-interest (Art. 18) and confidentiality (Art. 25)
 * declaration. It is made once: a declared conflict removes the expert from the panel, and
 * only the secretariat can undo that, so a second declaration is refused.
 */
export async function recordDeclaration(ctx: WriteContext, reviewId: string, input: DeclarationInput, sign?: DeclarationSigner): Promise<DeclarationRecord> {
  const s = stamp(ctx);
  let body: DeclarationRecord;
  const base = { reviewId, expertId: ctx.actor, confidentiality: true as const, signedAt: s.updatedAt, signature: null, signingKey: null, ...s };
  if (input.conflict) {
    if (!CONFLICT_KINDS.includes(input.conflictKind)) throw new ReviewWriteError(`unknown conflict kind ${String(input.conflictKind)}`);
    const detail = cleanText(input.detail, 'the conflict’s description', MAX_NOTE_CHARS, true);
    body = { ...base, conflict: true, conflictKind: input.conflictKind, detail };
  } else {
    body = { ...base, conflict: false };
  }
  if (sign) {
    const { signature: _s, signingKey: _k, ...signed } = body;
    const result = await sign(new TextEncoder().encode(canonicalJson(signed)));
    if (result) body = { ...body, ...result };
  }
  const { db } = ctx;
  await db.transaction('rw', [db.reviews, db.declarations], async () => {
    if (!(await db.reviews.get(reviewId))) throw new ReviewWriteError(`review ${reviewId} does not exist`);
    if (await db.declarations.get(reviewId)) throw new ReviewWriteError('the declaration for this review has already been made');
    await db.declarations.add(body);
  });
  return body;
}
