import type { CriteriaSet } from '../criteria/criteria-set.js';
import { itemsOf } from '../criteria/validate-criteria-set.js';
import { EXCLUSION_RULES } from '../regulation/exclusions.js';
import type { ConsensusRecord } from './consensus-record.js';

/** The empty record a leader starts from: nothing agreed, every exclusion open. */
export function newConsensusRecord(set: CriteriaSet): ConsensusRecord {
  return {
    criteriaSetId: set.id,
    items: itemsOf(set).map((item) => ({ itemId: item.id, percent: null, rationale: '', strengths: [], ofis: [] })),
    exclusions: EXCLUSION_RULES.map((rule) => ({ number: rule.number, status: 'open', note: '' })),
    overallEvaluation: '',
    keyStrengths: [],
    keyOfis: [],
  };
}
