import { signedBytes, signRequestProblem } from '../../shared/crypto/sign-request.js';
import { verifyPurposeSignature } from '../../shared/crypto/verify-signature.js';
import { describe, expect, it } from 'vitest';
import { derSignatureToRaw, rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { exportPkcs8, generateIdentityKeyPairs, publicKeysOf } from '../../shared/crypto/keys.js';
import { softwareKeyHolder, softwareKeyHolderFromPkcs8 } from '../../shared/crypto/key-holder.js';
import { keyIdOf } from '../../shared/crypto/key-id.js';
import { importVerifyingKey } from '../../shared/crypto/spki.js';
import { fromBase64 } from '../../shared/util/bytes.js';

describe('ECDSA signature forms', () => {
  it('round-trips raw r‖s through DER, including high-bit and leading-zero coordinates', () => {
    const highR = new Uint8Array(64).fill(0x01);
    highR.fill(0xff, 0, 32);
    const cases = [highR, new Uint8Array(64).fill(0x01), new Uint8Array(64)];
    cases[2]![31] = 1;
    cases[2]![63] = 0x80;
    for (const raw of cases) {
      const der = rawSignatureToDer(raw);
      expect(der[0]).toBe(0x30);
      const back = derSignatureToRaw(der);
      expect(back.ok && Array.from(back.value)).toEqual(Array.from(raw));
    }
  });

  it('writes low S only, and refuses a high S where it reads our own signatures', () => {
    const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
    const hex = (v: bigint) => Uint8Array.from(Buffer.from(v.toString(16).padStart(64, '0'), 'hex'));
    const high = new Uint8Array(64);
    high[31] = 1; // r = 1
    high.set(hex(n - 1n), 32); // s = n − 1: above n/2, its low twin is n − s = 1
    const der = rawSignatureToDer(high);
    expect(Array.from(der)).toEqual([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]);
    // The high form as DER: refused by our readers, accepted only when asked to.
    const highDer = new Uint8Array([0x30, 0x26, 0x02, 0x01, 0x01, 0x02, 0x21, 0x00, ...hex(n - 1n)]);
    expect(derSignatureToRaw(highDer)).toEqual({ ok: false, error: 'high S: the signature is not in its low-S form' });
    expect(derSignatureToRaw(highDer, { lowS: 'any' }).ok).toBe(true);
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

describe('signature purposes', () => {
  it('a signature made for one purpose does not verify for another, nor over the bare data', async () => {
    const holder = await softwareKeyHolder(await generateIdentityKeyPairs(false));
    const spki = fromBase64((await holder.publicKeys()).signingKey);
    const data = new TextEncoder().encode('{"a":1}');
    const der = rawSignatureToDer(await holder.sign({ purpose: 'declaration', data }));
    expect((await verifyPurposeSignature(spki, { purpose: 'declaration', data }, der)).ok).toBe(true);
    expect(await verifyPurposeSignature(spki, { purpose: 'manifest', data }, der)).toEqual({ ok: false, error: 'the manifest signature does not verify' });
    expect((await verifyPurposeSignature(spki, { purpose: 'certificate', data }, der)).ok).toBe(false);
    expect(signedBytes({ purpose: 'certificate', data })).toBe(data);
    expect(new TextDecoder().decode(signedBytes({ purpose: 'manifest', data }))).toBe('ZQA-SIG/2 manifest\u0000{"a":1}');
  });

  it('hosts refuse data that is not what its purpose says', () => {
    const json = new TextEncoder().encode('{}');
    expect(signRequestProblem({ purpose: 'manifest', data: json })).toBeNull();
    expect(signRequestProblem({ purpose: 'countersignature', data: json })).toMatch(/only a PDF/);
    expect(signRequestProblem({ purpose: 'certificate', data: json })).toMatch(/not what a certificate signature covers/);
    expect(signRequestProblem({ purpose: 'report-cms', data: new Uint8Array([0x30, 0]) })).toMatch(/report-cms/);
    expect(signRequestProblem({ purpose: 'manifest', data: new Uint8Array() })).toMatch(/nothing to sign/);
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
