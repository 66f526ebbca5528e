import { criteriaSetSchema, type CriteriaSet } from './criteria-set.js';
import { err, ok, type Result } from '../util/result.js';

export type CriteriaErrorCode =
  | 'schema'
  | 'duplicate-id'
  | 'item-sum'
  | 'category-sum';

export interface CriteriaError {
  code: CriteriaErrorCode;
  /** Where in the set: "categories[2].items[0].points", or the id concerned. */
  path: string;
  message: string;
}

/**
 * Validates a criteria set from outside (an assignment package, a file): the shape, then
 * the arithmetic that keeps the 1000-point frame whole. All problems are reported at once
 * so whoever prepared the set can fix them in one go.
 */
export function validateCriteriaSet(input: unknown): Result<CriteriaSet, CriteriaError[]> {
  const parsed = criteriaSetSchema.safeParse(input);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => ({
        code: 'schema' as const,
        path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, ''),
        message: issue.message,
      })),
    );
  }
  const set = parsed.data;
  const errors: CriteriaError[] = [];
  const seen = new Set<string>();
  const claim = (id: string): void => {
    if (seen.has(id)) errors.push({ code: 'duplicate-id', path: id, message: `id "${id}" is used more than once` });
    seen.add(id);
  };
  let categorySum = 0;
  for (const category of set.categories) {
    claim(category.id);
    categorySum += category.points;
    let itemSum = 0;
    for (const item of category.items) {
      claim(item.id);
      itemSum += item.points;
    }
    if (itemSum !== category.points) {
      errors.push({
        code: 'item-sum',
        path: category.id,
        message: `items of category ${category.id} add up to ${itemSum} points, but the category has ${category.points}`,
      });
    }
  }
  if (categorySum !== set.totalPoints) {
    errors.push({
      code: 'category-sum',
      path: set.id,
      message: `categories add up to ${categorySum} points, but a criteria set has ${set.totalPoints}`,
    });
  }
  return errors.length > 0 ? err(errors) : ok(set);
}

/** Every scored item of a set in reading order. */
export function itemsOf(set: CriteriaSet) {
  return set.categories.flatMap((c) => c.items.map((item) => ({ ...item, categoryId: c.id })));
}
