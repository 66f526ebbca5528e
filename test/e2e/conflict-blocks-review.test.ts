import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../renderer/serve.mjs';
import { lowS, rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { verifyPurposeSignature } from '../../shared/crypto/verify-signature.js';
import { canonicalJson } from '../../shared/util/canonical-json.js';
import { fromBase64 } from '../../shared/util/bytes.js';
import { startAppServer, screenshot } from './support/app.js';
import { freshProfileDir, openProfile } from './support/chromium.js';

let server: RunningServer;
let profile: string;

beforeAll(async () => {
  server = await startAppServer();
  profile = await freshProfileDir('conflict');
});
afterAll(async () => {
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('declaring a conflict of interest', () => {
  it('blocks the review and says why (回避, Art. 18), also after a restart', async () => {
    const { context, page } = await openProfile(profile, server.url);
    await page.getByTestId('declaration-gate').waitFor();
    await page.getByTestId('confidentiality').click();
    await page.getByTestId('has-conflict').click();
    // Declaring needs a kind and a description first.
    expect(await page.getByTestId('declare-conflict').isDisabled()).toBe(true);
    await page.getByTestId('conflict-kind').click();
    await page.getByTitle('近三年内曾任职于申报单位').click();
    await page.getByTestId('conflict-detail').fill('2024 年以前在该公司任质量部部长');
    await page.getByTestId('declare-conflict').click();

    const reason = page.getByTestId('conflict-reason');
    await reason.waitFor();
    const text = await reason.textContent();
    expect(text).toContain('第十八条');
    expect(text).toContain('回避');
    expect(text).toContain('近三年内曾任职于申报单位');
    expect(text).toContain('2024 年以前在该公司任质量部部长');
    expect(await page.getByTestId('review-overview').count()).toBe(0);
    await screenshot(page, '08-conflict-blocked');

    // The declaration is signed by this browser's own non-extractable key (the browser host).
    const stored = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const open = indexedDB.open('zqa');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const get = open.result.transaction('declarations').objectStore('declarations').getAll();
            get.onsuccess = () => resolve((get.result as Record<string, unknown>[])[0]!);
          };
        }),
    );
    expect(stored).toMatchObject({ conflict: true, conflictKind: 'former-employer', confidentiality: true });
    const { signature, signingKey, ...signed } = stored as { signature: string; signingKey: string };
    // Signed for its purpose (the declaration context before the canonical declaration), low S: not over the bare bytes.
    const data = new TextEncoder().encode(canonicalJson(signed));
    const raw = fromBase64(signature);
    expect(lowS(raw)).toEqual(raw);
    expect((await verifyPurposeSignature(fromBase64(signingKey), { purpose: 'declaration', data }, rawSignatureToDer(raw))).ok).toBe(true);
    expect((await verifyPurposeSignature(fromBase64(signingKey), { purpose: 'manifest', data }, rawSignatureToDer(raw))).ok).toBe(false);

    // Neither a reload nor a direct link to an item opens the material.
    await page.goto(`${server.url}#/item/4.1.2`);
    await page.getByTestId('conflict-blocked').waitFor();
    expect(await page.getByTestId('item-page').count()).toBe(0);
    expect(await page.getByTestId('declaration-gate').count()).toBe(0);
    await context.close();
  });
});
