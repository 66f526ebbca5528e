import type { PackageType } from '../../../shared/packages/manifest.js';
import type { Result } from '../../../shared/util/result.js';
import type { WorkflowError } from '../../../shared/workflow/workflow-error.js';
import { getDatabase } from '../db/database.js';
import { getHost } from '../host/get-host.js';
import { bridgeKeyHolder } from '../device/bridge-key-holder.js';
import { loadDeviceKeys } from '../device/device-keys.js';
import type { IncomingOutcome } from './incoming.js';

/**
 * A package file into this device through the one registry of incoming types (incoming.ts),
 * with the device's keys through the host bridge. The registry and the PKI code it pulls in
 * are fetched on the first import, not at start.
 */
export async function importFile(file: Blob, accept: readonly PackageType[], fileName = ''): Promise<Result<IncomingOutcome, WorkflowError>> {
  const [keys, { importIncoming }] = await Promise.all([loadDeviceKeys(), import('./incoming.js')]);
  return importIncoming({ db: getDatabase(), keys: bridgeKeyHolder(getHost().keys), keyId: keys.keyId, now: () => new Date(), fileName }, file, accept);
}
