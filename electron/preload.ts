import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, type BridgeMethod, type HostBridge } from '../shared/bridge/contract.js';
import { HOST_BRIDGE_GLOBAL } from '../shared/bridge/host-global.js';

/**
 * The whole surface the renderer gets from Electron: one object, `window.zqa`, with one
 * method per capability of the contract. Each method makes exactly one `invoke` on its own
 * channel with its one argument; no generic send, no channel names from the page, no IPC
 * event objects, no Node or Electron objects. Main validates every argument again.
 *
 * Runs sandboxed: this file is bundled into one CommonJS file that requires only `electron`.
 */
function call<T>(method: BridgeMethod, ...args: [] | [unknown]): Promise<T> {
  return ipcRenderer.invoke(BRIDGE_CHANNELS[method], ...args) as Promise<T>;
}

const zqa: HostBridge = {
  settings: {
    get: () => call('settings.get'),
    set: (patch) => call('settings.set', patch),
  },
  files: {
    open: (args) => call('files.open', args),
    openMany: (args) => call('files.openMany', args),
    save: (args) => call('files.save', args),
    takePendingOpens: () => call('files.takePendingOpens'),
    openHandle: (args) => call('files.openHandle', args),
    read: (args) => call('files.read', args),
    close: (args) => call('files.close', args),
    beginSave: (args) => call('files.beginSave', args),
    append: (args) => call('files.append', args),
    patch: (args) => call('files.patch', args),
    commit: (args) => call('files.commit', args),
    abort: (args) => call('files.abort', args),
  },
  keys: {
    publicKeys: () => call('keys.publicKeys'),
    sign: (args) => call('keys.sign', args),
    deriveBits: (args) => call('keys.deriveBits', args),
    setDeviceRole: (args) => call('keys.setDeviceRole', args),
    exportBackup: (args) => call('keys.exportBackup', args),
    restoreBackup: (args) => call('keys.restoreBackup', args),
  },
  journal: {
    head: () => call('journal.head'),
    append: (args) => call('journal.append', args),
    read: (args) => call('journal.read', args),
    blob: (args) => call('journal.blob', args),
  },
};

contextBridge.exposeInMainWorld(HOST_BRIDGE_GLOBAL, zqa);
