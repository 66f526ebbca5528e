import { z } from 'zod';

/** Who a person is in the award's process (docs/package-format.md §5, "Identity-card roles"); the card and the roster say so. */
export const identityRoleSchema = z.enum(['secretariat', 'leader', 'expert']);
export type IdentityRole = z.infer<typeof identityRoleSchema>;

/**
 * Names as people write them: trimmed, not empty, no control or format characters (Unicode
 * Cc and Cf: C0, DEL, C1, bidirectional overrides, zero-width characters, U+FEFF), which
 * would make two names look alike on screen while comparing unequal.
 */
export const personNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'no control or format characters');
export const organisationSchema = z.string().trim().max(200);

export const identityFactsSchema = z.strictObject({
  name: personNameSchema,
  organisation: organisationSchema,
  role: identityRoleSchema,
});
export type IdentityFacts = z.infer<typeof identityFactsSchema>;
