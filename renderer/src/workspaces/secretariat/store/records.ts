// The record types the secretariat's screens show, as the database stores them: screens take
// them from here, so no screen imports db/.
export type { CycleRecord, DecisionRow } from '../../../db/secretariat-records.js';
