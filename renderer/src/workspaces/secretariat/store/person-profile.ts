import { employerSchema, interestSchema, type Employer, type Interest } from '../../../../../shared/panel/expert.js';
import { err, ok, type Result } from '../../../../../shared/util/result.js';
import type { Bilingual } from './messages.js';

/**
 * What recusal reads of a person (Art. 18), for the expert pool and the secretariat's staff
 * alike: an employer and declared interests, each validated (a former employer needs its end
 * date, a credit code its check character), every problem named with its place.
 */
const zhOf = (issue: unknown, fallback: string) => (issue as { params?: { zh?: string } }).params?.zh ?? fallback;

export function parseEmployer(input: unknown): Result<Employer, Bilingual[]> {
  const parsed = employerSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((i) => ({ zh: `${i.path.join('.')}：${zhOf(i, i.message)}`, en: `${i.path.join('.')}: ${i.message}` })));
}

export function parseInterests(input: readonly unknown[]): Result<Interest[], Bilingual[]> {
  const interests: Interest[] = [];
  const problems: Bilingual[] = [];
  input.forEach((raw, i) => {
    const parsed = interestSchema.safeParse(raw);
    if (parsed.success) interests.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push({ zh: `第${i + 1}项 ${issue.path.join('.')}：${zhOf(issue, issue.message)}`, en: `interest ${i + 1} ${issue.path.join('.')}: ${issue.message}` });
  });
  return problems.length > 0 ? err(problems) : ok(interests);
}
