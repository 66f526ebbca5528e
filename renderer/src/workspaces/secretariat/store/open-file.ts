import type { FileKind } from '../../../../../shared/bridge/contract.js';
import { getHost } from '../../../host/get-host.js';

/** Asks the host for a file to open (a file picker in the browser, the OS dialog in Electron). */
export function openFile(kind: FileKind) {
  return getHost().files.open({ kind });
}
