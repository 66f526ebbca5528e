import { consensusRecordSchema } from '../../consensus/consensus-record.js';

/**
 * The panel's consensus as report-for-signing and panel-return carry it. Engineer D owns
 * its shape (shared/consensus/consensus-record.ts); this file is the one place the package
 * layer takes it from, so D can change what travels without touching the other schemas.
 */
export const consensusContentSchema = consensusRecordSchema;
