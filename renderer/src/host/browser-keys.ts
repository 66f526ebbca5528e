import { Dexie, type Table } from 'dexie';
import { deriveArgsSchema, signArgsSchema, type HostBridge, type PublicKeys } from '../../../shared/bridge/contract.js';
import { toBase64 } from '../../../shared/util/bytes.js';
import { err, ok } from '../../../shared/util/result.js';

/** The device's key pairs; private halves are non-extractable CryptoKeys (structured-cloned). */
interface DeviceKeys {
  id: 'device';
  signing: CryptoKeyPair;
  encryption: CryptoKeyPair;
  createdAt: string;
}

/** The IndexedDB implementation to use: the page's own, or a fake one in tests. */
export interface IndexedDbApi {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** Keys live in their own database, apart from the review data, so a data reset keeps them. */
class KeyDatabase extends Dexie {
  keys!: Table<DeviceKeys, string>;
  constructor(idb: IndexedDbApi) {
    super('zqa-keys', idb);
    this.version(1).stores({ keys: 'id' });
  }
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

const BACKUP_UNAVAILABLE =
  'The browser keeps this device’s private keys non-extractable, so they cannot be exported or restored here. ' +
  'The secretariat’s key backup (.zqakey) needs the desktop app. / 浏览器版的私钥不可导出，秘书处密钥备份与恢复请使用桌面版。';

/**
 * Keys in a plain browser: WebCrypto pairs created on first use with `extractable: false`, so
 * script can use the private keys but never read them, and stored as CryptoKey objects in
 * IndexedDB. Signatures come back as raw r‖s, as the contract says.
 */
export function createBrowserKeys(idb: IndexedDbApi, subtle: SubtleCrypto): HostBridge['keys'] {
  const db = new KeyDatabase(idb);
  let loading: Promise<DeviceKeys> | undefined;

  const create = async (): Promise<DeviceKeys> => {
    const signing = await subtle.generateKey(ECDSA, false, ['sign', 'verify']);
    const encryption = await subtle.generateKey(ECDH, false, ['deriveBits']);
    const fresh: DeviceKeys = { id: 'device', signing, encryption, createdAt: new Date().toISOString() };
    // Another tab may have created keys meanwhile: the first stored pair wins everywhere.
    return db.transaction('rw', db.keys, async () => {
      const existing = await db.keys.get('device');
      if (existing) return existing;
      await db.keys.add(fresh);
      return fresh;
    });
  };
  const deviceKeys = (): Promise<DeviceKeys> => {
    loading ??= db.keys.get('device').then((k) => k ?? create());
    loading.catch(() => (loading = undefined));
    return loading;
  };
  const failure = (what: string, e: unknown) =>
    err({ code: 'key-storage-unavailable' as const, message: `${what}: ${e instanceof Error ? e.message : String(e)}` });

  return {
    publicKeys: async () => {
      try {
        const keys = await deviceKeys();
        const signingKey = new Uint8Array(await subtle.exportKey('spki', keys.signing.publicKey));
        const encryptionKey = new Uint8Array(await subtle.exportKey('spki', keys.encryption.publicKey));
        return ok<PublicKeys>({ signingKey: toBase64(signingKey), encryptionKey: toBase64(encryptionKey) });
      } catch (e) {
        return failure('could not create or read this device’s keys', e);
      }
    },
    sign: async (args) => {
      const parsed = signArgsSchema.safeParse(args);
      if (!parsed.success) return err({ code: 'invalid-argument' as const, message: parsed.error.issues[0]?.message ?? 'invalid data' });
      try {
        const keys = await deviceKeys();
        const data = parsed.data.data;
        return ok(new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.signing.privateKey, data)));
      } catch (e) {
        return failure('could not sign', e);
      }
    },
    deriveBits: async (args) => {
      const parsed = deriveArgsSchema.safeParse(args);
      if (!parsed.success) return err({ code: 'invalid-argument' as const, message: parsed.error.issues[0]?.message ?? 'invalid key' });
      let peer: CryptoKey;
      try {
        peer = await subtle.importKey('spki', parsed.data.peerPublicKey, ECDH, false, []);
      } catch {
        return err({ code: 'invalid-argument' as const, message: 'peerPublicKey is not an ECDH P-256 public key (SPKI DER)' });
      }
      try {
        const keys = await deviceKeys();
        return ok(new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: peer }, keys.encryption.privateKey, 256)));
      } catch (e) {
        return failure('could not derive a shared secret', e);
      }
    },
    // The browser host has no place the page cannot reach, so it keeps no role of its own:
    // the key backup, the only thing the role allows, is unavailable here anyway.
    setDeviceRole: (args) => Promise.resolve(ok({ role: args.role })),
    exportBackup: () => Promise.resolve(err({ code: 'key-storage-unavailable' as const, message: BACKUP_UNAVAILABLE })),
    restoreBackup: () => Promise.resolve(err({ code: 'key-storage-unavailable' as const, message: BACKUP_UNAVAILABLE })),
  };
}
