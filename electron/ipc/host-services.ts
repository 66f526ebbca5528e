import type { BridgeResult, HostBridge } from '../../shared/bridge/contract.js';

/**
 * The main process's side of the contract: the same methods as `HostBridge`, returning
 * plain values and throwing (BridgeFailure or an fs error) on failure; the IPC helper turns
 * both into `BridgeResult`. Derived from HostBridge so the two cannot drift apart.
 */
export type HostServices = {
  [G in keyof HostBridge]: {
    [N in keyof HostBridge[G]]: HostBridge[G][N] extends (...args: infer P) => Promise<BridgeResult<infer V>> ? (...args: P) => Promise<V> : never;
  };
};
