import { z } from 'zod';

/** Who a person is in the award's process (DOMAIN.md §2); the card and the roster say so. */
export const identityRoleSchema = z.enum(['secretariat', 'leader', 'expert']);
export type IdentityRole = z.infer<typeof identityRoleSchema>;

/** Names as people write them: trimmed, not empty, no control characters. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'no control characters');
export const organisationSchema = z.string().trim().max(200);

export const identityFactsSchema = z.strictObject({
  name: personNameSchema,
  organisation: organisationSchema,
  role: identityRoleSchema,
});
export type IdentityFacts = z.infer<typeof identityFactsSchema>;
