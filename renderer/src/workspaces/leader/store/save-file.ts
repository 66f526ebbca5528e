import type { FileKind } from '../../../../../shared/bridge/contract.js';
import { getHost } from '../../../host/get-host.js';

/** Saves through the host; `null` when the person cancelled. Throws with the host's message otherwise. */
export async function saveFile(kind: FileKind, suggestedName: string, bytes: Uint8Array): Promise<string | null> {
  // Our bytes are always ArrayBuffer-backed; the contract types them so.
  const result = await getHost().files.save({ kind, suggestedName, bytes: bytes as Uint8Array<ArrayBuffer> });
  if (!result.ok) throw new Error(result.error.message);
  return result.value?.savedAs ?? null;
}
