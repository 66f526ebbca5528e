import type { BridgeErrorCode, OpenedFiles } from '../../../shared/bridge/contract.js';
import type { PackageType } from '../../../shared/packages/manifest.js';
import type { Result } from '../../../shared/util/result.js';
import type { WorkflowError } from '../../../shared/workflow/workflow-error.js';
import type { IncomingOutcome } from './incoming.js';

/**
 * What came of one file of a batch: stored (`imported`), stored as a newer revision of what
 * was held (`superseded`), the very same package held already (`duplicate`, nothing changed),
 * or refused (`refused`, nothing changed) with the step's reason — or the host's, for a file
 * it could not read. `routed`: stored by another place than the one it was offered at (a
 * scoresheet dropped on the countersign page goes into the leader's panel).
 */
export type ImportVerdict = 'imported' | 'superseded' | 'duplicate' | 'refused';

export type ImportEntry =
  | { fileName: string; verdict: 'imported' | 'superseded'; outcome: IncomingOutcome; routed: boolean }
  | { fileName: string; verdict: 'duplicate' | 'refused'; error: WorkflowError }
  | { fileName: string; verdict: 'refused'; fault: { code: BridgeErrorCode; message: string } };

export interface ImportSummary {
  entries: ImportEntry[];
  counts: Record<ImportVerdict, number>;
}

/** One file through the one registry of incoming types, taking any type (import-file.ts in the app). */
export type ImportOne = (bytes: Uint8Array, fileName: string) => Promise<Result<IncomingOutcome, WorkflowError>>;

/** The code a refusal is known by: the package's own refusal code, or the step's. */
export const refusalCode = (error: WorkflowError): string => error.package?.code ?? error.code;

/**
 * Imports files one after another, each on its own (its own verify and its own transaction):
 * a bad file is refused with its reason and never stops or half-applies the others. Every
 * file is offered to the registry whatever its type, so one that belongs elsewhere on this
 * device is taken there and marked `routed`; one this device has no place for is refused
 * with where it is imported. A failure thrown by a step is that file's refusal too.
 */
export async function importMany(opened: OpenedFiles, accept: readonly PackageType[], importOne: ImportOne): Promise<ImportSummary> {
  const entries: ImportEntry[] = opened.skipped.map((s) => ({ fileName: s.name, verdict: 'refused', fault: { code: s.code, message: s.message } }));
  for (const file of opened.files) entries.push(await importEach(file.name, file.bytes, accept, importOne));
  const counts: Record<ImportVerdict, number> = { imported: 0, superseded: 0, duplicate: 0, refused: 0 };
  for (const e of entries) counts[e.verdict]++;
  return { entries, counts };
}

async function importEach(fileName: string, bytes: Uint8Array, accept: readonly PackageType[], importOne: ImportOne): Promise<ImportEntry> {
  try {
    const result = await importOne(bytes, fileName);
    if (!result.ok) return { fileName, verdict: refusalCode(result.error) === 'duplicate' ? 'duplicate' : 'refused', error: result.error };
    const o = result.value;
    const superseded = (o.type === 'assignment' || o.type === 'scoresheet') && o.superseded;
    return { fileName, verdict: superseded ? 'superseded' : 'imported', outcome: o, routed: !accept.includes(o.type) };
  } catch (e) {
    console.error(`import of ${fileName} failed`, e);
    return { fileName, verdict: 'refused', fault: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
