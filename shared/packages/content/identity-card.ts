import { identityCardSchema } from '../../identity/identity-card.js';

/**
 * `identity-card` content: the card itself (shared/identity/identity-card.ts), unencrypted.
 * The importer checks that the card's keys are the package sender's.
 */
export const identityCardContentSchema = identityCardSchema;
