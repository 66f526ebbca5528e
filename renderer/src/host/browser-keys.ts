import { Dexie, type Table } from 'dexie';
import type { HostBridge, PublicKeys } from '../../../shared/bridge/contract.js';
import { bridgeSchemas } from './bridge-schemas.js';
import { signedBytes, signRequestProblem } from '../../../shared/crypto/sign-request.js';
import { bytesEqual, toBase64 } from '../../../shared/util/bytes.js';
import { err, ok } from '../../../shared/util/result.js';
import { decodeKeptKeys, createKeptKeys, ECDH, ECDSA, type KeptKeyFile } from './kept-device-keys.js';

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

const BACKUP_UNAVAILABLE =
  'The browser keeps this device’s private keys non-extractable, so they cannot be exported or restored here. ' +
  'The secretariat’s key backup (.zqakey) needs the desktop app. / 浏览器版的私钥不可导出，秘书处密钥备份与恢复请使用桌面版。';

/**
 * Keys in a plain browser: WebCrypto pairs whose private halves the page holds only as
 * non-extractable CryptoKeys, stored in IndexedDB for quick use and kept as well outside it
 * (kept-device-keys.ts, in the origin-private file system beside the journal), because
 * Chromium deletes the whole origin's IndexedDB when it finds it corrupted after a crash.
 * `kept` null keeps them in IndexedDB only (as before). Signatures come back as raw r‖s, as
 * the contract says.
 */
export function createBrowserKeys(idb: IndexedDbApi, subtle: SubtleCrypto, kept: KeptKeyFile | null = null, locks?: LockManager): HostBridge['keys'] {
  const db = new KeyDatabase(idb);
  let loading: Promise<DeviceKeys> | undefined;

  // One tab at a time reads, restores or creates the keys, so the kept file and the database
  // always hold the same pair (two tabs creating at once would otherwise keep different ones).
  const exclusively = <T>(work: () => Promise<T>): Promise<T> => (locks ? locks.request('zqa-device-keys', work) : work());
  const load = (): Promise<DeviceKeys> =>
    exclusively(async () => {
      const stored = await db.keys.get('device');
      if (stored) return stored;
      const keptBytes = kept ? await kept.read() : null;
      // Restored after a wipe from what was kept; else new (kept first when there is a place).
      const usable = keptBytes
        ? await decodeKeptKeys(subtle, keptBytes)
        : kept
          ? await createKeptKeys(subtle, kept, new Date())
          : { signing: await subtle.generateKey(ECDSA, false, ['sign', 'verify']), encryption: await subtle.generateKey(ECDH, false, ['deriveBits']), createdAt: new Date().toISOString() };
      const keys: DeviceKeys = { id: 'device', ...usable };
      // Without Web Locks (tests), another connection may have stored a pair meanwhile: the first stored wins.
      return db.transaction('rw', db.keys, async () => {
        const existing = await db.keys.get('device');
        if (existing) return existing;
        await db.keys.add(keys);
        return keys;
      });
    });
  const deviceKeys = (): Promise<DeviceKeys> => {
    loading ??= load();
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
      const parsed = (await bridgeSchemas()).signArgsSchema.safeParse(args);
      if (!parsed.success) return err({ code: 'invalid-argument' as const, message: parsed.error.issues[0]?.message ?? 'invalid data' });
      const problem = signRequestProblem(parsed.data);
      if (problem) return err({ code: 'invalid-argument' as const, message: problem });
      try {
        const keys = await deviceKeys();
        const data = signedBytes(parsed.data) as Uint8Array<ArrayBuffer>;
        return ok(new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.signing.privateKey, data)));
      } catch (e) {
        return failure('could not sign', e);
      }
    },
    deriveBits: async (args) => {
      const parsed = (await bridgeSchemas()).deriveArgsSchema.safeParse(args);
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
    survivesDatabaseLoss: async () => {
      if (!kept) return false;
      try {
        const [keys, keptBytes] = await Promise.all([deviceKeys(), kept.read()]);
        if (!keptBytes) return false;
        const keptKeys = await decodeKeptKeys(subtle, keptBytes);
        const [a, b] = await Promise.all([subtle.exportKey('spki', keys.signing.publicKey), subtle.exportKey('spki', keptKeys.signing.publicKey)]);
        return bytesEqual(new Uint8Array(a), new Uint8Array(b));
      } catch {
        return false;
      }
    },
    exportBackup: () => Promise.resolve(err({ code: 'key-storage-unavailable' as const, message: BACKUP_UNAVAILABLE })),
    restoreBackup: () => Promise.resolve(err({ code: 'key-storage-unavailable' as const, message: BACKUP_UNAVAILABLE })),
  };
}
