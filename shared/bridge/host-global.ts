import type { HostBridge } from './contract.js';

/**
 * The name under which the Electron preload exposes the host bridge, and its type on the
 * renderer's `window`: `window.zqa` is a `HostBridge` in Electron and `undefined` in a plain
 * browser (where the renderer uses its own browser host). A renderer module that imports
 * this file (even `import type {} from …`) gets the typing.
 */
export const HOST_BRIDGE_GLOBAL = 'zqa';

declare global {
  interface Window {
    zqa?: HostBridge;
  }
}
