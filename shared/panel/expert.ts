import { z } from 'zod';
import { creditCodeSchema } from '../applicant/applicant-profile.js';
import { CONFLICT_KIND_NAMES, CONFLICT_KINDS, type ConflictKind } from '../regulation/conflict-of-interest.js';

/**
 * An expert of the pool (评审员专家库, Art. 10(3)): known from an imported identity card, with
 * the key fingerprint the secretariat has confirmed with the expert in person or by phone,
 * and the interests the expert declared for recusal (Art. 18).
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** The interest kinds are the declaration's (shared/regulation/conflict-of-interest.ts): one list. */
export const INTEREST_KINDS = CONFLICT_KINDS;
export type InterestKind = ConflictKind;
export const INTEREST_KIND_NAMES: Record<InterestKind, { zh: string; en: string }> = Object.fromEntries(
  CONFLICT_KINDS.map((k) => [k, CONFLICT_KIND_NAMES[k].short]),
) as Record<InterestKind, { zh: string; en: string }>;

export const interestSchema = z
  .strictObject({
    kind: z.enum(INTEREST_KINDS),
    organisation: z.string().trim().min(1).max(200),
    creditCode: creditCodeSchema.optional(),
    /** When the interest ended (left the employer, consultancy finished, shares sold). */
    until: isoDate.optional(),
    /** For a relative's employer: who (e.g. 配偶, spouse). */
    relation: z.string().trim().max(50).optional(),
    note: z.string().max(500).optional(),
  })
  .refine((i) => i.kind !== 'former-employer' || i.until !== undefined, {
    message: 'a former employer needs the date the expert left (until)',
    path: ['until'],
  });
export type Interest = z.infer<typeof interestSchema>;

export const employerSchema = z.strictObject({
  name: z.string().trim().max(200),
  creditCode: creditCodeSchema.optional(),
});
export type Employer = z.infer<typeof employerSchema>;

export const poolExpertSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  name: z.string().trim().min(1).max(50),
  organisation: z.string().trim().max(200).default(''),
  /** The fingerprint of the identity card's keys, as shown to people. */
  fingerprint: z.string().min(1).max(200),
  /** Confirmed out of band (in person, by phone) by the secretariat. */
  fingerprintConfirmed: z.boolean(),
  /**
   * Where the expert works, part of the profile (Art. 18): checked against every applicant
   * without any declaration. The name starts as the identity card's organisation; a credit code
   * makes the match exact.
   */
  employer: employerSchema,
  interests: z.array(interestSchema).max(100).default([]),
});
export type PoolExpert = z.infer<typeof poolExpertSchema>;
