/**
 * The bridge's argument schemas (shared/bridge/contract-schemas.ts), loaded with zod when the
 * browser host first serves a call it must check (a signature, a saved file, a settings
 * change): not at start, where the first screen needs none of them (docs/ARCHITECTURE.md,
 * "The first screen"). Once loaded, each later call takes the same module at once.
 */
export const bridgeSchemas = () => import('../../../shared/bridge/contract-schemas.js');
