/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V), the last one a check
 * character over the first 17 (weights 3^i mod 31). Positions 3–8 are the administrative
 * division code, always digits. Lower-case input and surrounding spaces are accepted and
 * normalised, since codes are often typed by hand; anything else is refused with the reason.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'length' | 'character' | 'division' | 'check';

export interface CreditCodeCheck {
  ok: boolean;
  /** The code as it should be stored: upper-case, no spaces. */
  normalised: string;
  problem?: CreditCodeProblem;
  zh?: string;
  en?: string;
}

/** The check character for the first 17 characters (which must be in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`not a credit code character: ${first17.charAt(i)}`);
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const normalised = input.trim().toUpperCase();
  if (normalised.length !== 18) {
    return { ok: false, normalised, problem: 'length', zh: `统一社会信用代码应为18位，此处为${normalised.length}位`, en: `a unified social credit code has 18 characters, this has ${normalised.length}` };
  }
  for (let i = 0; i < 18; i++) {
    const c = normalised.charAt(i);
    if (!CREDIT_CODE_ALPHABET.includes(c)) {
      return {
        ok: false,
        normalised,
        problem: 'character',
        zh: `第${i + 1}位“${c}”不是统一社会信用代码允许的字符（不含I、O、Z、S、V）`,
        en: `character ${i + 1} "${c}" is not allowed in a unified social credit code (no I, O, Z, S, V)`,
      };
    }
  }
  if (!/^\d{6}$/.test(normalised.slice(2, 8))) {
    return { ok: false, normalised, problem: 'division', zh: '第3至8位应为行政区划代码（数字）', en: 'characters 3–8 must be the administrative division code (digits)' };
  }
  const expected = creditCodeCheckCharacter(normalised.slice(0, 17));
  if (normalised.charAt(17) !== expected) {
    return {
      ok: false,
      normalised,
      problem: 'check',
      zh: `校验码错误：第18位应为“${expected}”，此处为“${normalised.charAt(17)}”，请核对是否有录入错误`,
      en: `check character wrong: character 18 should be "${expected}", not "${normalised.charAt(17)}"; look for a typing error`,
    };
  }
  return { ok: true, normalised };
}

