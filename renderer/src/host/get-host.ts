import type { HostBridge } from '../../../shared/bridge/contract.js';
import { createBrowserHost } from './browser-host.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in a plain browser. */
    zqa?: HostBridge;
  }
}

let host: HostBridge | undefined;

/**
 * The one place that knows which host the renderer runs on: Electron's preload bridge when
 * it is there, the browser host otherwise. Everything else calls getHost() and the contract.
 */
export function getHost(): HostBridge {
  host ??= window.zqa ?? createBrowserHost();
  return host;
}
