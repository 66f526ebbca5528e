import { describe, expect, it } from 'vitest';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { signedBytes } from '../../shared/crypto/sign-request.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { CountersignatureContent } from '../../shared/packages/content/countersignature.js';
import type { PanelReturnContent } from '../../shared/packages/content/panel-return.js';
import type { ScoresheetContent } from '../../shared/packages/content/scoresheet.js';
import { checkPanelReturnParts, type PanelReturnParts } from '../../shared/ranking/panel-return-checks.js';
import { fromBase64, sha256Hex, toBase64 } from '../../shared/util/bytes.js';

const ids = { cycleId: 'c1', applicantId: 'a1', panelId: 'p1' };
const report: Uint8Array<ArrayBuffer> = new TextEncoder().encode('%PDF-1.7 report');

async function member(keyId: string) {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const sign = async (data: Uint8Array<ArrayBuffer>) =>
    toBase64(rawSignatureToDer(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, signedBytes({ purpose: 'countersignature', data }) as Uint8Array<ArrayBuffer>))));
  return { keyId, name: `专家${keyId}`, signingKey: toBase64(spki), sign };
}

async function parts(): Promise<PanelReturnParts> {
  const a = await member('a'.repeat(32));
  const b = await member('b'.repeat(32));
  const sha = await sha256Hex(report);
  const assignment = { panel: { id: 'p1', members: [a, b].map((m) => ({ keyId: m.keyId, name: m.name, signingKey: m.signingKey })) } } as unknown as AssignmentContent;
  const panelReturn = { ...ids, report: { sha256: sha } } as unknown as PanelReturnContent;
  const sheet = (keyId: string) => ({ ...ids, expertKeyId: keyId }) as unknown as ScoresheetContent;
  const cs = async (m: typeof a, data = report) => ({ ...ids, signerKeyId: m.keyId, reportSha256: sha, signature: await m.sign(data) }) as unknown as CountersignatureContent;
  return {
    assignment,
    panelReturn,
    reportPdf: report,
    reportSha256: sha,
    scoresheets: [a, b].map((m) => ({ listedKeyId: m.keyId, senderKeyId: m.keyId, content: sheet(m.keyId) })),
    countersignatures: [{ listedKeyId: b.keyId, senderKeyId: b.keyId, content: await cs(b) }],
  };
}

describe('panel return checks', () => {
  it('accept a consistent return', async () => {
    expect(await checkPanelReturnParts(await parts())).toEqual([]);
  });

  it('name a scoresheet signed by someone else, a stranger, another panel, a wrong report, a bad signature', async () => {
    const p = await parts();
    const [a, b] = p.scoresheets as [PanelReturnParts['scoresheets'][0], PanelReturnParts['scoresheets'][0]];
    p.scoresheets = [{ ...a, senderKeyId: b.listedKeyId }, { ...b, listedKeyId: 'c'.repeat(32), senderKeyId: 'c'.repeat(32), content: { ...b.content, expertKeyId: 'c'.repeat(32), panelId: 'p2' } }];
    const cs = p.countersignatures[0]!;
    const der = fromBase64(cs.content.signature);
    der[der.length - 1]! ^= 0x01;
    p.countersignatures = [{ ...cs, content: { ...cs.content, signature: toBase64(der) } }];
    p.reportSha256 = '0'.repeat(64);
    const problems = await checkPanelReturnParts(p);
    expect(problems).toEqual([
      'the report PDF does not match the SHA-256 the panel return names',
      `the scoresheet listed for 专家${'a'.repeat(32)} was signed by 专家${'b'.repeat(32)} for 专家${'a'.repeat(32)}`,
      `a scoresheet comes from ${'c'.repeat(32)}, who is not on this panel`,
      `the scoresheet of ${'c'.repeat(32)} is for another panel (p2)`,
      `专家${'b'.repeat(32)}'s countersignature is not a valid signature over this report PDF`,
    ]);
  });
});
