import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustodyRole, KeyBackupSaved, PublicKeys } from '../../shared/bridge/contract.js';
import { fingerprintOf } from '../../shared/identity/fingerprint.js';
import { bytesEqual, fromBase64, toBase64 } from '../../shared/util/bytes.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { BridgeFailure } from '../ipc/bridge-failure.js';
import { parseKeyFile, unwrapKeyFile, wrapKeyFile, type PlainKeyMaterial } from './key-file.js';
import { signedBytes, signRequestProblem, type SignRequest } from '../../shared/crypto/sign-request.js';
import { deriveSharedSecret, generateKeyMaterial, importPrivateKeys, publicEncryptionSpkiOf, publicSigningSpkiOf, signRaw, type PrivateKeys } from './p256.js';
import { assertSecretariatDevice, type ConfirmInMain, type CustodyRoleStore } from './custody-role.js';
import { assertSafeStorage, type SafeStorageLike } from './safe-storage.js';

/** The secretariat's backup format (shared/crypto/key-backup.ts), passed in so custody is testable alone. */
export interface KeyBackupCodec {
  seal(material: { signingPkcs8: Uint8Array; encryptionPkcs8: Uint8Array }, passphrase: string): Promise<Uint8Array>;
  /** The private keys from a backup file, or a message saying why not (wrong passphrase, damaged file). */
  open(bytes: Uint8Array, passphrase: string): Promise<{ ok: true; value: { signingPkcs8: Uint8Array; encryptionPkcs8: Uint8Array } } | { ok: false; message: string }>;
}

export interface KeyCustodyDeps {
  safeStorage: SafeStorageLike;
  /** The key file, under `app.getPath('userData')`. */
  keyFilePath: string;
  platform: NodeJS.Platform;
  backup: KeyBackupCodec;
  /** Main's record of whether this is the secretariat's device. */
  role: CustodyRoleStore;
  confirm: ConfirmInMain;
  /** Main's own save dialog and atomic write for the backup file; the path written, or null when cancelled. */
  saveBackupFile(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
  now?: () => Date;
}

interface LoadedKeys {
  publicKeys: PublicKeys;
  privateKeys: PrivateKeys;
}

/**
 * The device's key holder in the main process. Private keys are created here on first use,
 * kept in memory only as non-extractable CryptoKeys, and on disk only wrapped by
 * `safeStorage`; callers get public keys, signatures and ECDH secrets, never a private key.
 * The one exception is the secretariat's passphrase-sealed backup (docs/domain.md §6).
 */
export function createKeyCustody(deps: KeyCustodyDeps) {
  const now = deps.now ?? (() => new Date());
  let loading: Promise<LoadedKeys> | undefined;

  async function readKeyFile(): Promise<string | null> {
    try {
      return await fs.readFile(deps.keyFilePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function store(material: PlainKeyMaterial): Promise<void> {
    const file = wrapKeyFile(material, deps.safeStorage, now().toISOString());
    await fs.mkdir(path.dirname(deps.keyFilePath), { recursive: true });
    // Owner-only, although the private keys in it are wrapped: least exposure on shared PCs.
    await writeFileAtomic(deps.keyFilePath, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`), { mode: 0o600 });
  }

  async function activate(material: PlainKeyMaterial): Promise<LoadedKeys> {
    return {
      publicKeys: { signingKey: toBase64(material.signingSpki), encryptionKey: toBase64(material.encryptionSpki) },
      privateKeys: await importPrivateKeys(material),
    };
  }

  async function loadOrCreate(): Promise<LoadedKeys> {
    assertSafeStorage(deps.safeStorage, deps.platform);
    const text = await readKeyFile();
    if (text !== null) return activate(unwrapKeyFile(parseKeyFile(text, deps.keyFilePath), deps.safeStorage));
    const material = await generateKeyMaterial();
    await store(material);
    return activate(material);
  }

  /** One load for all concurrent first calls; a failure is not cached, so the user can fix the keyring and retry. */
  function keys(): Promise<LoadedKeys> {
    loading ??= loadOrCreate().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  }

  async function privateMaterial(): Promise<PlainKeyMaterial> {
    assertSafeStorage(deps.safeStorage, deps.platform);
    await keys(); // creates the keys if this is the first use
    const text = await readKeyFile();
    if (text === null) throw new BridgeFailure('not-found', `本机密钥文件不存在。The device key file is missing: ${deps.keyFilePath}`);
    return unwrapKeyFile(parseKeyFile(text, deps.keyFilePath), deps.safeStorage);
  }

  return {
    async publicKeys(): Promise<PublicKeys> {
      return { ...(await keys()).publicKeys };
    },
    async sign(request: SignRequest): Promise<Uint8Array> {
      const problem = signRequestProblem(request);
      if (problem) throw new BridgeFailure('invalid-argument', problem);
      return signRaw((await keys()).privateKeys.signing, signedBytes(request));
    },
    async deriveBits(args: { peerPublicKey: Uint8Array }): Promise<Uint8Array> {
      return deriveSharedSecret((await keys()).privateKeys.encryption, args.peerPublicKey);
    },
    async setDeviceRole(args: { role: CustodyRole }): Promise<{ role: CustodyRole }> {
      return { role: await deps.role.set(args.role) };
    },
    /**
     * Seals the private keys with the passphrase and saves the file through main's own dialog,
     * so the sealed keys never pass through the page; then reads the saved file back and opens
     * it with the passphrase, as a restore would, and checks it holds this device's keys.
     */
    async exportBackup(args: { passphrase: string }): Promise<KeyBackupSaved | null> {
      await assertSecretariatDevice(deps.role, '导出密钥备份');
      const material = await privateMaterial();
      const sealed = await deps.backup.seal({ signingPkcs8: material.signingPkcs8, encryptionPkcs8: material.encryptionPkcs8 }, args.passphrase);
      const savedAs = await deps.saveBackupFile(`秘书处密钥备份-${now().toISOString().slice(0, 10)}.zqakey`, sealed);
      if (savedAs === null) return null;
      const reopened = await deps.backup.open(new Uint8Array(await fs.readFile(savedAs)), args.passphrase);
      if (!reopened.ok) throw new BridgeFailure('internal', `备份文件已保存，但读回后无法用此口令打开，请重新导出。The saved backup could not be opened again: ${reopened.message}`);
      const restoreTested: PublicKeys = {
        signingKey: toBase64(await publicSigningSpkiOf(reopened.value.signingPkcs8)),
        encryptionKey: toBase64(await publicEncryptionSpkiOf(reopened.value.encryptionPkcs8)),
      };
      if (!bytesEqual(await publicSigningSpkiOf(reopened.value.signingPkcs8), material.signingSpki) || !bytesEqual(await publicEncryptionSpkiOf(reopened.value.encryptionPkcs8), material.encryptionSpki)) {
        throw new BridgeFailure('internal', '读回的备份中的密钥与本机密钥不一致，请重新导出。The saved backup does not hold this device’s keys.');
      }
      return { savedAs, restoreTested };
    },
    /**
     * Replaces this device's keys with the backed-up ones, once the person has confirmed the
     * backup's fingerprint in main's dialog. The keys being replaced are not destroyed: their
     * file is kept beside the new one as `<name>.replaced-<time>`.
     */
    async restoreBackup(args: { bytes: Uint8Array; passphrase: string }): Promise<PublicKeys> {
      assertSafeStorage(deps.safeStorage, deps.platform);
      await assertSecretariatDevice(deps.role, '恢复密钥备份');
      const opened = await deps.backup.open(args.bytes, args.passphrase);
      if (!opened.ok) throw new BridgeFailure('invalid-argument', opened.message);
      const { signingPkcs8, encryptionPkcs8 } = opened.value;
      await importPrivateKeys({ signingPkcs8, encryptionPkcs8 }); // refuses anything but P-256 keys before touching disk
      const material: PlainKeyMaterial = {
        signingPkcs8,
        encryptionPkcs8,
        signingSpki: await publicSigningSpkiOf(signingPkcs8),
        encryptionSpki: await publicEncryptionSpkiOf(encryptionPkcs8),
      };
      const incoming = await fingerprintOf(material.signingSpki);
      const current = await keys().then((k) => fingerprintOf(fromBase64(k.publicKeys.signingKey)), () => '—');
      const confirmed = await deps.confirm({
        title: '恢复秘书处密钥',
        message: '用备份中的密钥替换本机密钥？',
        detail: `备份中的密钥指纹：${incoming}\n本机当前指纹：${current}\n请核对备份指纹与秘书处公布的指纹一致。\nReplace this device's keys with the backup's (fingerprint ${incoming})?`,
        confirm: '替换本机密钥',
      });
      if (!confirmed) throw new BridgeFailure('cancelled', '未恢复：本机密钥保持不变。Not restored: the device keys are unchanged.');
      await loading?.catch(() => undefined); // let a first-use creation finish before replacing its file
      if ((await readKeyFile()) !== null) {
        const stamp = now().toISOString().replace(/[:.]/g, '-');
        // A copy, not a rename: if writing the new file fails, the old one is still in place.
        await fs.copyFile(deps.keyFilePath, `${deps.keyFilePath}.replaced-${stamp}`);
      }
      await store(material);
      const activated = await activate(material);
      loading = Promise.resolve(activated);
      return { ...activated.publicKeys };
    },
  };
}
export type KeyCustody = ReturnType<typeof createKeyCustody>;

