/**
 * The one place file names are made from people's, organisations' and cycles' names: what the
 * app suggests in its save dialogs, what `zqa demo` writes, what the exports are called. The
 * bridge refuses a name with a folder in it or a character Windows forbids, and a name from a
 * package may hold control or direction-changing characters, so each becomes `_`.
 */
const FORBIDDEN = /[/\\:*?"<>|]|[\p{Cc}\p{Cf}]/gu;

export function plainFileName(text: string, options: { maxLength?: number; fallback?: string } = {}): string {
  const cleaned = text.replace(FORBIDDEN, '_').trim();
  // Windows drops a trailing dot or space; cut by code points so no surrogate is split.
  const cut = [...cleaned].slice(0, options.maxLength ?? 200).join('').replace(/[. ]+$/u, '');
  return cut === '' ? (options.fallback ?? '_') : cut;
}

const part = (text: string) => plainFileName(text, { maxLength: 60 });

/** The names the workflow's files are saved under, Chinese as the people filing them expect. */
export const fileNames = {
  identityCard: (person: string) => `身份卡-${part(person)}.zqa`,
  assignment: (applicant: string, revision: number) => `评审任务-${part(applicant)}-第${revision}版.zqa`,
  scoresheet: (applicant: string, expert: string, revision: number) => `评分表-${part(applicant)}-${part(expert)}-第${revision}版.zqa`,
  reportPdf: (applicant: string) => `${part(applicant)}-现场评审报告.pdf`,
  paperScoresheetPdf: (applicant: string, expert: string, filled: boolean) => `${part(applicant)}-${part(expert)}-${filled ? '评分表' : '空白评分表'}.pdf`,
  reportForSigning: (applicant: string, revision: number) => `${part(applicant)}-现场评审报告-待会签-第${revision}版.zqa`,
  countersignature: (member: string, applicant: string) => `会签-${part(member)}-${part(applicant)}.zqa`,
  panelReturn: (applicant: string, revision: number) => `${part(applicant)}-评审组报送-第${revision}版.zqa`,
  returnedReportPdf: (applicant: string, revision: number) => `${part(applicant)}-现场评审报告-第${revision}版.pdf`,
  /** The report inside a report for signing and a panel return. */
  reportEntry: '现场评审报告.pdf',
  /** A member's scoresheet or countersignature nested in a panel return. */
  nestedScoresheet: (member: string) => `评分表-${part(member)}.zqa`,
  nestedCountersignature: (member: string) => `会签-${part(member)}.zqa`,
  secretariatExport: (cycle: string, what: string, extension: 'xlsx' | 'csv') => `${plainFileName(cycle, { maxLength: 100, fallback: '导出' })}-${what}.${extension}`,
} as const;
