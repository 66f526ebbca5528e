import { CONFLICT_KIND_NAMES, CONFLICT_KINDS, type ConflictKind } from '../../../shared/regulation/conflict-of-interest.js';

/** The declaration's wording of each interest kind, from the one list the expert pool uses too. */
export function conflictKindLabels(lang: 'zh' | 'en'): Record<ConflictKind, string> {
  return Object.fromEntries(CONFLICT_KINDS.map((k) => [k, CONFLICT_KIND_NAMES[k].declaration[lang]])) as Record<ConflictKind, string>;
}
