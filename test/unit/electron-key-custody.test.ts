import { signedBytes } from '../../shared/crypto/sign-request.js';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../shared/util/bytes.js';
import { toBridgeError } from '../../electron/ipc/bridge-failure.js';
import { keyBackupCodec } from '../../electron/keys/key-backup-codec.js';
import { createCustodyRole, type ConfirmInMain } from '../../electron/keys/custody-role.js';
import { createKeyCustody } from '../../electron/keys/key-custody.js';
import { fingerprintOf } from '../../shared/identity/fingerprint.js';
import type { SafeStorageLike } from '../../electron/keys/safe-storage.js';
import { FakeSafeStorage } from './fake-safe-storage.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zqa-keys-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const keyFile = () => path.join(dir, 'userData', 'device-keys.json');

/** The person at main's native dialog: answers as told, and remembers what was asked. */
const person = { answer: true, asked: [] as Parameters<ConfirmInMain>[0][] };
beforeEach(() => {
  person.answer = true;
  person.asked = [];
});
const confirm: ConfirmInMain = (question) => {
  person.asked.push(question);
  return Promise.resolve(person.answer);
};
/** Main's save dialog: the person chooses dir/saved/<name>; `write` is what reaches the disk. */
const saving = { cancel: false, write: (bytes: Uint8Array) => bytes };
beforeEach(() => {
  saving.cancel = false;
  saving.write = (bytes) => bytes;
});
async function saveBackupFile(name: string, bytes: Uint8Array): Promise<string | null> {
  if (saving.cancel) return null;
  const target = path.join(dir, 'saved', name);
  await rm(path.dirname(target), { recursive: true, force: true });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, saving.write(bytes));
  return target;
}
const custody = (safeStorage: SafeStorageLike = new FakeSafeStorage(), platform: NodeJS.Platform = 'linux') =>
  createKeyCustody({
    safeStorage,
    keyFilePath: keyFile(),
    platform,
    backup: keyBackupCodec,
    role: createCustodyRole({ filePath: path.join(path.dirname(keyFile()), 'device-role.json'), confirm }),
    confirm,
    saveBackupFile,
  });
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return toBridgeError(error).code;
  }
};
const own = (b: Uint8Array) => new Uint8Array(b);

async function verify(signingKeyB64: string, signature: Uint8Array, data: Uint8Array) {
  const key = await crypto.subtle.importKey('spki', own(fromBase64(signingKeyB64)), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, own(signature), own(data));
}

describe('key custody', () => {
  it('creates both key pairs on first use and stores the private keys only wrapped', async () => {
    const safeStorage = new FakeSafeStorage();
    const keys = await custody(safeStorage).publicKeys();
    expect(fromBase64(keys.signingKey).length).toBe(91); // P-256 SPKI DER
    expect(fromBase64(keys.encryptionKey).length).toBe(91);
    expect(safeStorage.plaintexts).toHaveLength(2);
    const text = await readFile(keyFile(), 'utf8');
    for (const plain of safeStorage.plaintexts) {
      expect(text).not.toContain(plain);
      expect(text).not.toContain(toBase64(fromBase64(plain)).slice(0, 40));
    }
    if (process.platform !== 'win32') expect((await stat(keyFile())).mode & 0o077).toBe(0); // owner only
    expect(JSON.parse(text)).toMatchObject({ format: 'zqa-device-keys', version: 1, signing: { publicSpki: keys.signingKey }, encryption: { publicSpki: keys.encryptionKey } });
  });

  it('keeps the same identity across restarts', async () => {
    const safeStorage = new FakeSafeStorage();
    const first = await custody(safeStorage).publicKeys();
    const second = await custody(safeStorage).publicKeys();
    expect(second).toEqual(first);
  });

  it('creates one identity when first calls race', async () => {
    const holder = custody();
    const [a, b, c] = await Promise.all([holder.publicKeys(), holder.publicKeys(), holder.sign({ purpose: 'declaration', data: new Uint8Array([0x7b]) })]);
    expect(a).toEqual(b);
    expect(await verify(a.signingKey, c, signedBytes({ purpose: 'declaration', data: new Uint8Array([0x7b]) }))).toBe(true);
    expect(await readdir(path.dirname(keyFile()))).toEqual(['device-keys.json']);
  });

  it('signs with ECDSA P-256 / SHA-256, raw r‖s, verifiable with the public key', async () => {
    const holder = custody();
    const data = new TextEncoder().encode('{"type":"scoresheet"}');
    const signature = await holder.sign({ purpose: 'manifest', data });
    expect(signature.length).toBe(64);
    const { signingKey } = await holder.publicKeys();
    // Over the purpose's context and the data, never the bare data (shared/crypto/sign-request.ts).
    expect(await verify(signingKey, signature, signedBytes({ purpose: 'manifest', data }))).toBe(true);
    expect(await verify(signingKey, signature, data)).toBe(false);
    expect(await verify(signingKey, signature, signedBytes({ purpose: 'manifest', data: new TextEncoder().encode('{"type":"forged"}') }))).toBe(false);
    // A request whose data is not what its purpose says is refused before anything is signed.
    expect(await codeOf(holder.sign({ purpose: 'countersignature', data }))).toBe('invalid-argument');
  });

  it('derives the same 32-byte ECDH secret as a sender with an ephemeral key', async () => {
    const holder = custody();
    const { encryptionKey } = await holder.publicKeys();
    const ephemeral = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const recipient = await crypto.subtle.importKey('spki', own(fromBase64(encryptionKey)), { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const senderSecret = new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: recipient }, ephemeral.privateKey, 256));
    const peerPublicKey = new Uint8Array(await crypto.subtle.exportKey('spki', ephemeral.publicKey));
    const secret = await holder.deriveBits({ peerPublicKey });
    expect(secret.length).toBe(32);
    expect(secret).toEqual(senderSecret);
    expect(await codeOf(holder.deriveBits({ peerPublicKey: new Uint8Array([1, 2, 3]) }))).toBe('invalid-argument');
  });

  it('refuses without safe key storage and writes nothing', async () => {
    expect(await codeOf(custody(new FakeSafeStorage(0x5a, false)).publicKeys())).toBe('key-storage-unavailable');
    for (const backend of ['basic_text', 'unknown']) {
      const failure = custody(new FakeSafeStorage(0x5a, true, backend)).publicKeys();
      expect(await codeOf(failure), backend).toBe('key-storage-unavailable');
      await failure.catch((error: Error) => {
        expect(error.message).toContain('明文');
        expect(error.message).toContain('plaintext');
      });
    }
    await expect(readdir(dir)).resolves.toEqual([]);
    // The Linux backend question only applies on Linux.
    expect(await codeOf(custody(new FakeSafeStorage(0x5a, true, 'unknown'), 'win32').publicKeys())).toBe('ok');
  });

  it('recovers once the keyring becomes available', async () => {
    const safeStorage = new FakeSafeStorage(0x5a, true, 'basic_text');
    const holder = custody(safeStorage);
    expect(await codeOf(holder.publicKeys())).toBe('key-storage-unavailable');
    safeStorage.backend = 'kwallet6';
    expect(await codeOf(holder.publicKeys())).toBe('ok');
  });

  it('cannot unwrap the keys under another OS account, and leaves the file alone', async () => {
    await custody(new FakeSafeStorage(0x5a)).publicKeys();
    const before = await readFile(keyFile(), 'utf8');
    expect(await codeOf(custody(new FakeSafeStorage(0x33)).publicKeys())).toBe('key-storage-unavailable');
    expect(await readFile(keyFile(), 'utf8')).toBe(before);
  });

  it('refuses a damaged key file without replacing it', async () => {
    await custody().publicKeys();
    await writeFile(keyFile(), '{"format":"zqa-device-keys","version":1');
    expect(await codeOf(custody().publicKeys())).toBe('internal');
    expect(await readFile(keyFile(), 'utf8')).toBe('{"format":"zqa-device-keys","version":1');
  });
});

describe('secretariat key backup', () => {
  const passphrase = '郑州市长质量奖 secretariat 2026';

  async function secretariatDevice(safeStorage = new FakeSafeStorage()) {
    const holder = custody(safeStorage);
    expect(await holder.setDeviceRole({ role: 'secretariat' })).toEqual({ role: 'secretariat' });
    return holder;
  }

  it('exports a sealed backup through main’s own dialog, tests a restore of the saved file, and restores the same identity on a new PC', async () => {
    const secretariat = await secretariatDevice(new FakeSafeStorage(0x11));
    const original = await secretariat.publicKeys();
    const saved = await secretariat.exportBackup({ passphrase });
    expect(saved?.restoreTested).toEqual(original);
    const backup = new Uint8Array(await readFile(saved!.savedAs));
    expect(new TextDecoder().decode(backup)).toContain('"zqa-key-backup"');

    await rm(path.dirname(keyFile()), { recursive: true });
    const newPc = await secretariatDevice(new FakeSafeStorage(0x22));
    const ownKeys = await newPc.publicKeys(); // the new PC made its own keys on first use
    expect(ownKeys).not.toEqual(original);
    person.asked = [];
    expect(await newPc.restoreBackup({ bytes: backup, passphrase })).toEqual(original);
    // The person was shown the backup's fingerprint in main's dialog before the keys changed.
    expect(person.asked).toHaveLength(1);
    expect(person.asked[0]!.detail).toContain(await fingerprintOf(fromBase64(original.signingKey)));
    expect(await newPc.publicKeys()).toEqual(original);
    const data = new Uint8Array([0x7b, 7, 7]);
    expect(await verify(original.signingKey, await newPc.sign({ purpose: 'declaration', data }), signedBytes({ purpose: 'declaration', data }))).toBe(true);
    // After a restart the restored keys are the device's keys.
    expect(await custody(new FakeSafeStorage(0x22)).publicKeys()).toEqual(original);
    const files = await readdir(path.dirname(keyFile()));
    expect(files.filter((f) => f.startsWith('device-keys.json.replaced-'))).toHaveLength(1);
  });

  it('refuses export and restore on a device main has not recorded as the secretariat’s, whatever the page says', async () => {
    const expert = custody();
    const keys = await expert.publicKeys();
    expect(await codeOf(expert.exportBackup({ passphrase }))).toBe('not-permitted');
    expect(await codeOf(expert.restoreBackup({ bytes: new TextEncoder().encode('{"format":"zqa-key-backup"}'), passphrase }))).toBe('not-permitted');
    expect(await readdir(dir)).toEqual(['userData']); // nothing saved
    expect(await expert.publicKeys()).toEqual(keys);
  });

  it('becomes the secretariat’s device only when the person confirms it in main’s dialog; going back needs no confirmation', async () => {
    const holder = custody();
    person.answer = false;
    expect(await codeOf(holder.setDeviceRole({ role: 'secretariat' }))).toBe('cancelled');
    expect(await codeOf(holder.exportBackup({ passphrase }))).toBe('not-permitted');
    person.answer = true;
    await holder.setDeviceRole({ role: 'secretariat' });
    expect(person.asked).toHaveLength(2);
    expect(await codeOf(holder.exportBackup({ passphrase }))).toBe('ok');
    person.answer = false;
    expect(await holder.setDeviceRole({ role: 'expert' })).toEqual({ role: 'expert' });
    expect(await codeOf(holder.exportBackup({ passphrase }))).toBe('not-permitted');
    // A new process reads main's record, not anything the page holds.
    expect(await codeOf(custody().exportBackup({ passphrase }))).toBe('not-permitted');
  });

  it('reports an export whose saved file does not open again, and returns null when the person cancels the dialog', async () => {
    const holder = await secretariatDevice();
    saving.write = (bytes) => bytes.slice(0, bytes.length - 10); // a short write on the stick
    expect(await codeOf(holder.exportBackup({ passphrase }))).toBe('internal');
    saving.write = (bytes) => bytes;
    saving.cancel = true;
    expect(await holder.exportBackup({ passphrase })).toBeNull();
  });

  it('refuses a wrong passphrase, a damaged file or the person’s no, and changes nothing', async () => {
    const holder = await secretariatDevice();
    const saved = await holder.exportBackup({ passphrase });
    const backup = new Uint8Array(await readFile(saved!.savedAs));
    const before = await readFile(keyFile(), 'utf8');
    const wrong = holder.restoreBackup({ bytes: backup, passphrase: 'not the passphrase' });
    expect(await codeOf(wrong)).toBe('invalid-argument');
    await wrong.catch((error: Error) => expect(error.message).toContain('口令错误'));
    expect(await codeOf(holder.restoreBackup({ bytes: new TextEncoder().encode('{}'), passphrase }))).toBe('invalid-argument');
    person.answer = false;
    expect(await codeOf(holder.restoreBackup({ bytes: backup, passphrase }))).toBe('cancelled');
    expect(await readFile(keyFile(), 'utf8')).toBe(before);
    expect((await readdir(path.dirname(keyFile()))).sort()).toEqual(['device-keys.json', 'device-role.json']);
  });
});
