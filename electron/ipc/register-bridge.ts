import {
  appendSliceArgsSchema,
  backupArgsSchema,
  beginSaveArgsSchema,
  deriveArgsSchema,
  deviceRoleArgsSchema,
  fileHandleArgsSchema,
  journalAppendArgsSchema,
  journalBlobArgsSchema,
  journalReadArgsSchema,
  openFileArgsSchema,
  openManyArgsSchema,
  patchSliceArgsSchema,
  readSliceArgsSchema,
  restoreArgsSchema,
  saveFileArgsSchema,
  settingsPatchSchema,
  signArgsSchema,
} from '../../shared/bridge/contract-schemas.js';
import { NO_ARGUMENT, registerBridgeHandler, type IpcRegistrar } from './bridge-handler.js';
import type { HostServices } from './host-services.js';

/** One `ipcMain.handle` per contract method, each with the contract's own argument schema. */
export function registerBridge(ipc: IpcRegistrar, services: HostServices): void {
  registerBridgeHandler(ipc, 'settings.get', NO_ARGUMENT, () => services.settings.get());
  registerBridgeHandler(ipc, 'settings.set', settingsPatchSchema, (patch) => services.settings.set(patch));
  registerBridgeHandler(ipc, 'files.open', openFileArgsSchema, (args) => services.files.open(args));
  registerBridgeHandler(ipc, 'files.openMany', openManyArgsSchema, (args) => services.files.openMany(args));
  registerBridgeHandler(ipc, 'files.save', saveFileArgsSchema, (args) => services.files.save(args));
  registerBridgeHandler(ipc, 'files.takePendingOpens', NO_ARGUMENT, () => services.files.takePendingOpens());
  registerBridgeHandler(ipc, 'files.openHandle', openFileArgsSchema, (args) => services.files.openHandle(args));
  registerBridgeHandler(ipc, 'files.read', readSliceArgsSchema, (args) => services.files.read(args));
  registerBridgeHandler(ipc, 'files.close', fileHandleArgsSchema, (args) => services.files.close(args));
  registerBridgeHandler(ipc, 'files.beginSave', beginSaveArgsSchema, (args) => services.files.beginSave(args));
  registerBridgeHandler(ipc, 'files.append', appendSliceArgsSchema, (args) => services.files.append(args));
  registerBridgeHandler(ipc, 'files.patch', patchSliceArgsSchema, (args) => services.files.patch(args));
  registerBridgeHandler(ipc, 'files.commit', fileHandleArgsSchema, (args) => services.files.commit(args));
  registerBridgeHandler(ipc, 'files.abort', fileHandleArgsSchema, (args) => services.files.abort(args));
  registerBridgeHandler(ipc, 'keys.publicKeys', NO_ARGUMENT, () => services.keys.publicKeys());
  registerBridgeHandler(ipc, 'keys.sign', signArgsSchema, (args) => services.keys.sign(args));
  registerBridgeHandler(ipc, 'keys.deriveBits', deriveArgsSchema, (args) => services.keys.deriveBits(args));
  registerBridgeHandler(ipc, 'keys.setDeviceRole', deviceRoleArgsSchema, (args) => services.keys.setDeviceRole(args));
  registerBridgeHandler(ipc, 'keys.exportBackup', backupArgsSchema, (args) => services.keys.exportBackup(args));
  registerBridgeHandler(ipc, 'keys.restoreBackup', restoreArgsSchema, (args) => services.keys.restoreBackup(args));
  registerBridgeHandler(ipc, 'journal.head', NO_ARGUMENT, () => services.journal.head());
  registerBridgeHandler(ipc, 'journal.append', journalAppendArgsSchema, (args) => services.journal.append(args));
  registerBridgeHandler(ipc, 'journal.read', journalReadArgsSchema, (args) => services.journal.read(args));
  registerBridgeHandler(ipc, 'journal.blob', journalBlobArgsSchema, (args) => services.journal.blob(args));
}
