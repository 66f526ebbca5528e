import { z } from 'zod';
import { categorySchema } from '../cycle/cycle-rules.js';
import { checkCreditCode } from './credit-code.js';

/**
 * An applicant's profile (申报单位基本信息) as the secretariat records it from the application.
 * The credit code is checked to its check character so a typing error is caught at entry,
 * not when recusal matching silently fails to match.
 */
export const creditCodeSchema = z
  .string()
  .transform((value, ctx) => {
    const check = checkCreditCode(value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.en ?? 'invalid unified social credit code', params: { zh: check.zh } });
      return z.NEVER;
    }
    return check.normalised;
  });

const text = (max: number) => z.string().trim().min(1).max(max);

const contactSchema = z.strictObject({
  name: text(50),
  phone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, 'a phone number: digits, spaces, + - ( )'),
  email: z.email().optional(),
});

export const applicantProfileSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'id: letters, digits, dots, dashes'),
  name: text(200),
  creditCode: creditCodeSchema,
  industry: text(100),
  /** An enterprise category (e.g. 专精特新), for reserved places and shorter operating periods; optional. */
  category: categorySchema.optional(),
  address: text(300),
  contact: contactSchema,
});
export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;
export type ApplicantProfileInput = z.input<typeof applicantProfileSchema>;
