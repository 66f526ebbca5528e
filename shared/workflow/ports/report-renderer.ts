import type { ReportInput } from '../../report/report-input.js';

/**
 * Turns the report's input into PDF bytes. Where the fonts come from is the host's business:
 * the renderer fetches them as assets, `zqa` and the tests read them from node_modules; the
 * document definition itself is shared (shared/report/).
 */
export type RenderReport = (input: ReportInput) => Promise<Uint8Array>;
