/**
 * Normalises an organisation's name for recusal matching, where no credit code is at hand on
 * both sides. People type the same company many ways: full-width or half-width letters,
 * digits and brackets, stray spaces, "有限责任公司" for "有限公司". Only differences that cannot
 * change which organisation is meant are erased; anything else keeps names apart, and the
 * secretariat still reads every declared interest.
 */
const LEGAL_FORM_VARIANTS: readonly [RegExp, string][] = [
  [/有限责任公司$/u, '有限公司'],
  [/有限責任公司$/u, '有限公司'],
];

export function normaliseOrganisationName(name: string): string {
  // NFKC turns full-width letters, digits, brackets and the ideographic space into their
  // half-width forms.
  let n = name.normalize('NFKC').toLowerCase();
  n = n.replace(/[\s\u200b\u00b7・.,，、"'“”‘’()[\]{}<>《》【】]/gu, '');
  for (const [pattern, replacement] of LEGAL_FORM_VARIANTS) n = n.replace(pattern, replacement);
  return n;
}

export function sameOrganisationName(a: string, b: string): boolean {
  const na = normaliseOrganisationName(a);
  return na.length > 0 && na === normaliseOrganisationName(b);
}
