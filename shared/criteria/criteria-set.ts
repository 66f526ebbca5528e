import { z } from 'zod';

/**
 * A criteria set (评审标准) is data, not code: Art. 16 allows sector variants of GB/T 19580
 * with the same 1000-point frame, so a set arrives in the assignment package and is
 * validated before anything scores against it.
 */
const itemKindSchema = z.enum(['process', 'results']);
export type ItemKind = z.infer<typeof itemKindSchema>;

const idSchema = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, 'id must be 1–32 letters, digits, dots, dashes');
const nameSchema = z.string().trim().min(1).max(200);

const criteriaItemSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema,
  points: z.number().int().positive().max(1000),
  kind: itemKindSchema,
});
export type CriteriaItem = z.infer<typeof criteriaItemSchema>;

const criteriaCategorySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema,
  points: z.number().int().positive().max(1000),
  items: z.array(criteriaItemSchema).min(1).max(50),
});
export type CriteriaCategory = z.infer<typeof criteriaCategorySchema>;

export const criteriaSetSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  nameEn: nameSchema,
  /** The set's own version (an industry's rules are revised), shown beside its name. */
  version: z.string().trim().min(1).max(50).optional(),
  totalPoints: z.literal(1000),
  categories: z.array(criteriaCategorySchema).min(1).max(20),
});
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;
