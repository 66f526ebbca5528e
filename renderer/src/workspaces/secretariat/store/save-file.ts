import type { FileKind } from '../../../../../shared/bridge/contract.js';
import { getHost } from '../../../host/get-host.js';
import type { Bilingual } from './messages.js';

/**
 * Saves a file through the host (a download in the browser, an atomic write in Electron).
 * Our writers return ArrayBuffer-backed bytes, which is what the contract's schema takes.
 * Resolves to the name saved as, null when the person cancelled, or the host's reason.
 */
export async function saveFile(kind: FileKind, suggestedName: string, bytes: Uint8Array): Promise<{ savedAs: string } | null | Bilingual> {
  const saved = await getHost().files.save({ kind, suggestedName, bytes: bytes as Uint8Array<ArrayBuffer> });
  if (!saved.ok) return { zh: `文件未保存：${saved.error.message}`, en: `the file was not saved: ${saved.error.message}` };
  return saved.value;
}

export function isProblem(r: { savedAs: string } | null | Bilingual): r is Bilingual {
  return r !== null && 'zh' in r;
}
