import { beforeAll, describe, expect, it } from 'vitest';
import { openKeyBackup, sealKeyBackup, type KeyMaterial } from '../../shared/crypto/key-backup.js';
import { exportPkcs8, generateIdentityKeyPairs } from '../../shared/crypto/keys.js';

let material: KeyMaterial;
let sealed: Uint8Array;
const passphrase = 'correct horse 电池 staple';

beforeAll(async () => {
  const pairs = await generateIdentityKeyPairs(true);
  material = {
    signingPkcs8: await exportPkcs8(pairs.signing.privateKey),
    encryptionPkcs8: await exportPkcs8(pairs.encryption.privateKey),
    identity: { name: '王秘书', organisation: '郑州市市场监督管理局', role: 'secretariat' },
  };
  sealed = await sealKeyBackup(material, passphrase);
});

function edit(mutate: (file: Record<string, unknown>) => void): Uint8Array {
  const file = JSON.parse(new TextDecoder().decode(sealed)) as Record<string, unknown>;
  mutate(file);
  return new TextEncoder().encode(JSON.stringify(file));
}

describe('key backup', () => {
  it('opens with the right passphrase and returns the same material', async () => {
    const opened = await openKeyBackup(sealed, passphrase);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(Array.from(opened.value.signingPkcs8)).toEqual(Array.from(material.signingPkcs8));
    expect(Array.from(opened.value.encryptionPkcs8)).toEqual(Array.from(material.encryptionPkcs8));
    expect(opened.value.identity).toEqual(material.identity);
    const text = new TextDecoder().decode(sealed);
    expect(text).toContain('"iterations": 600000');
    expect(text).not.toContain('王秘书'); // identity facts are inside the ciphertext
  });

  it('classifies every way it can fail', async () => {
    expect((await openKeyBackup(sealed, 'wrong passphrase!')).ok ? null : 'wrong-passphrase').toBe('wrong-passphrase');
    const cases: [Uint8Array, string][] = [
      [new TextEncoder().encode('not json'), 'malformed'],
      [edit((f) => (f.version = 2)), 'unsupported-version'],
      [edit((f) => ((f.kdf as { iterations: number }).iterations = 1000)), 'weak-or-excessive-kdf'],
      [edit((f) => ((f.publicKeys as { signingKey: string }).signingKey = 'AAAA')), 'wrong-passphrase'],
      [edit((f) => delete f.ciphertext), 'malformed'],
    ];
    for (const [bytes, code] of cases) {
      const r = await openKeyBackup(bytes, passphrase);
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
    }
  });
});
