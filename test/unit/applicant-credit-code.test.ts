import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCreditCode, creditCodeCheckCharacter, CREDIT_CODE_ALPHABET } from '../../shared/applicant/credit-code.js';
import { applicantProfileSchema } from '../../shared/applicant/applicant-profile.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the standard’s example and real codes', () => {
    expect(checkCreditCode('91350100M000100Y43').ok).toBe(true);
    expect(checkCreditCode('91110108551385082Q').ok).toBe(true);
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, normalised: '91350100M000100Y43' });
  });

  it('names what is wrong', () => {
    expect(checkCreditCode('91350100M000100Y4').problem).toBe('length');
    expect(checkCreditCode('91350100M000100I43')).toMatchObject({ problem: 'character', zh: expect.stringContaining('第16位“I”') as unknown });
    expect(checkCreditCode('9135A100M000100Y43').problem).toBe('division');
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({ problem: 'check', en: expect.stringContaining('should be "3"') as unknown });
  });

  it('catches every single-character substitution', () => {
    const valid = '91350100M000100Y43';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...CREDIT_CODE_ALPHABET), (i, c) => {
        fc.pre(valid[i] !== c && !(i >= 2 && i < 8 && !/\d/.test(c)));
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        return !checkCreditCode(changed).ok;
      }),
    );
  });

  it('computes a check character that makes any 17 characters valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET), minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/), fc.string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET), minLength: 9, maxLength: 9 }), (a, b, c) => {
        const first17 = a + b + c;
        return checkCreditCode(first17 + creditCodeCheckCharacter(first17)).ok;
      }),
    );
  });

  it('is checked in the applicant profile', () => {
    const profile = { id: 'a1', name: '郑州某某有限公司', creditCode: '91350100M000100Y44', industry: '装备制造', address: '郑州市', contact: { name: '张三', phone: '0371-12345678' } };
    const r = applicantProfileSchema.safeParse(profile);
    expect(r.success).toBe(false);
    expect(applicantProfileSchema.parse({ ...profile, creditCode: '91350100m000100y43' }).creditCode).toBe('91350100M000100Y43');
  });
});
