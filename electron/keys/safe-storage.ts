import { BridgeFailure } from '../ipc/bridge-failure.js';

/** The part of Electron's `safeStorage` key custody uses; a fake in tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: which secret store wraps the key ('gnome_libsecret', 'kwallet6', 'basic_text' …). */
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
}

/** Linux backends that store secrets in plaintext (or that Electron could not identify). */
const PLAINTEXT_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * Refuses to hold private keys where the OS offers no real protection. On Linux without a
 * keyring (GNOME Keyring / KWallet), Electron falls back to `basic_text`, a hard-coded
 * password: "encrypted" keys would be readable by anyone who copies the disk.
 */
export function assertSafeStorage(safeStorage: SafeStorageLike, platform: NodeJS.Platform): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new BridgeFailure(
      'key-storage-unavailable',
      '本机没有可用的安全密钥存储，无法保存私钥。请在 Windows 上以本人账户登录，或在 Linux 上启用系统密钥环（GNOME 密钥环或 KWallet）后重新打开应用。' +
        ' No secure key storage is available on this computer, so private keys cannot be kept. On Linux, enable the system keyring (GNOME Keyring or KWallet) and restart the app.',
    );
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (PLAINTEXT_BACKENDS.has(backend)) {
      throw new BridgeFailure(
        'key-storage-unavailable',
        `本机的密钥存储为明文（${backend}），私钥将不受保护，因此拒绝保存。请启用系统密钥环（GNOME 密钥环或 KWallet）后重新打开应用。` +
          ` The key storage on this computer is plaintext (${backend}); private keys would be unprotected, so they are not stored. Enable the system keyring (GNOME Keyring or KWallet) and restart the app.`,
      );
    }
  }
}
