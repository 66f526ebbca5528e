import { z } from 'zod';
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

export const contactSchema = z.strictObject({
  name: text(50),
  phone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, 'a phone number: digits, spaces, + - ( )'),
  email: z.email().optional(),
});

export const applicantProfileSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'id: letters, digits, dots, dashes'),
  name: text(200),
  creditCode: creditCodeSchema,
  industry: text(100),
  /** For reserved places (cycle rules' reservations); optional. */
  category: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional(),
  address: text(300),
  contact: contactSchema,
});
export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;
export type ApplicantProfileInput = z.input<typeof applicantProfileSchema>;
