import { signedBytes } from '../../shared/crypto/sign-request.js';
import { describe, expect, it } from 'vitest';
import { derSignatureToRaw, rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { exportPkcs8, generateIdentityKeyPairs, publicKeysOf } from '../../shared/crypto/keys.js';
import { softwareKeyHolder, softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import { importVerifyingKey } from '../../shared/crypto/spki.js';
import { fromBase64 } from '../../shared/util/bytes.js';

describe('ECDSA signature forms', () => {
  it('round-trips raw r‖s through DER, including high-bit and leading-zero coordinates', () => {
    const cases = [new Uint8Array(64).fill(0xff), new Uint8Array(64).fill(0x01), new Uint8Array(64)];
    cases[2]![31] = 1;
    cases[2]![63] = 0x80;
    for (const raw of cases) {
      const der = rawSignatureToDer(raw);
      expect(der[0]).toBe(0x30);
      const back = derSignatureToRaw(der);
      expect(back.ok && Array.from(back.value)).toEqual(Array.from(raw));
    }
  });

  it('refuses malformed DER', () => {
    const der = rawSignatureToDer(new Uint8Array(64).fill(7));
    expect(derSignatureToRaw(der.subarray(0, der.length - 1)).ok).toBe(false);
    const trailing = new Uint8Array([...der, 0]);
    expect(derSignatureToRaw(trailing).ok).toBe(false);
    const wrongTag = der.slice();
    wrongTag[2] = 0x03;
    expect(derSignatureToRaw(wrongTag).ok).toBe(false);
  });
});

describe('software key holder', () => {
  it('signs verifiably, derives the same ECDH secret on both sides, and survives PKCS#8', async () => {
    const pairs = await generateIdentityKeyPairs(true);
    const holder = await softwareKeyHolder(pairs);
    const data = new TextEncoder().encode('评审');
    const sig = await holder.sign({ purpose: 'declaration', data });
    expect(sig.length).toBe(64);
    const pub = await holder.publicKeys();
    const verifier = await importVerifyingKey(fromBase64(pub.signingKey));
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifier, sig as Uint8Array<ArrayBuffer>, signedBytes({ purpose: 'declaration', data }) as Uint8Array<ArrayBuffer>)).toBe(true);

    const other = await softwareKeyHolder(await generateIdentityKeyPairs(false));
    const otherPub = await other.publicKeys();
    const a = await holder.deriveBits(fromBase64(otherPub.encryptionKey));
    const b = await other.deriveBits(fromBase64(pub.encryptionKey));
    expect(a.length).toBe(32);
    expect(Array.from(a)).toEqual(Array.from(b));

    const restored = await softwareKeyHolderFromPkcs8(await exportPkcs8(pairs.signing.privateKey), await exportPkcs8(pairs.encryption.privateKey));
    expect(await restored.publicKeys()).toEqual(await publicKeysOf(pairs));
  });

  it('derives a 32-hex-digit key id from the signing key', async () => {
    const pub = await publicKeysOf(await generateIdentityKeyPairs(false));
    const id = await keyIdOf(fromBase64(pub.signingKey));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await keyIdOf(fromBase64(pub.signingKey))).toBe(id);
  });
});
