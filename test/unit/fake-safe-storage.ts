import type { SafeStorageLike } from '../../electron/keys/safe-storage.js';

/**
 * A stand-in for Electron's safeStorage: XOR with a per-"OS account" key, so what is stored
 * differs from what was given and another account cannot unwrap it. It records every
 * plaintext it was asked to protect, so the test can look for them on disk.
 */
export class FakeSafeStorage implements SafeStorageLike {
  readonly plaintexts: string[] = [];
  constructor(
    private readonly accountKey = 0x5a,
    public available = true,
    public backend = 'gnome_libsecret',
  ) {}
  isEncryptionAvailable() {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  encryptString(plainText: string) {
    this.plaintexts.push(plainText);
    const body = new TextEncoder().encode(plainText).map((b) => b ^ this.accountKey);
    return Buffer.concat([Buffer.from('v10'), Buffer.from([this.accountKey]), body]);
  }
  decryptString(encrypted: Buffer) {
    if (encrypted.subarray(0, 3).toString() !== 'v10' || encrypted[3] !== this.accountKey) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return new TextDecoder().decode(encrypted.subarray(4).map((b) => b ^ this.accountKey));
  }
}

