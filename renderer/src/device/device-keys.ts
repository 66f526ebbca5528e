import { useEffect, useState } from 'react';
import type { PublicKeys } from '../../../shared/bridge/contract.js';
import { keyIdOf } from '../../../shared/crypto/key-id.js';
import { decodeBase64 } from '../../../shared/crypto/spki.js';
import { fingerprintOf } from '../../../shared/identity/fingerprint.js';
import { getHost } from '../host/get-host.js';

/** The device's public keys with the names people use for them. */
export interface DeviceKeys {
  publicKeys: PublicKeys;
  keyId: string;
  fingerprint: string;
}

let loading: Promise<DeviceKeys> | undefined;
/** The keys once read: a component mounting later starts with them instead of a render without. */
let loaded: DeviceKeys | undefined;

/** The host creates the keys on first use; they never change afterwards, so one read per run. */
export function loadDeviceKeys(): Promise<DeviceKeys> {
  loading ??= (async () => {
    const result = await getHost().keys.publicKeys();
    if (!result.ok) throw new Error(result.error.message);
    const spki = decodeBase64(result.value.signingKey);
    if (!spki) throw new Error('the host returned a signing key that is not base64');
    const [keyId, fingerprint] = await Promise.all([keyIdOf(spki), fingerprintOf(spki)]);
    loaded = { publicKeys: result.value, keyId, fingerprint };
    return loaded;
  })();
  // A failure (e.g. no safe key storage) is not cached: the next call asks the host again.
  loading.catch(() => (loading = undefined));
  return loading;
}

export type DeviceKeysState = { status: 'loading' } | { status: 'ready'; keys: DeviceKeys } | { status: 'failed'; message: string };

export function useDeviceKeys(): DeviceKeysState {
  const [state, setState] = useState<DeviceKeysState>(() => (loaded ? { status: 'ready', keys: loaded } : { status: 'loading' }));
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadDeviceKeys().then(
      (keys) => live && setState({ status: 'ready', keys }),
      (e: unknown) => live && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
