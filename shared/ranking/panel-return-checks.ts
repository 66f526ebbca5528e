import { derSignatureToRaw } from '../crypto/ecdsa-signature.js';
import { bs } from '../crypto/buffer-source.js';
import { decodeBase64, importVerifyingKey } from '../crypto/spki.js';
import type { AssignmentContent } from '../packages/content/assignment.js';
import type { CountersignatureContent } from '../packages/content/countersignature.js';
import type { PanelReturnContent } from '../packages/content/panel-return.js';
import type { ScoresheetContent } from '../packages/content/scoresheet.js';

/**
 * What the secretariat checks in a panel return beyond the leader's package signature
 * (every signature checked): each nested scoresheet and countersignature was
 * signed by the member it is listed under (their packages were verified on import), that
 * member sits on this panel, it concerns this panel, and each countersignature is a valid
 * ECDSA P-256 signature by that member over exactly this report PDF. Every problem is named.
 */
export interface NestedPackage<T> {
  /** The key id the panel return lists it under. */
  listedKeyId: string;
  /** The key id that signed the nested package, from its verified manifest. */
  senderKeyId: string;
  content: T;
}

export interface PanelReturnParts {
  assignment: AssignmentContent;
  panelReturn: PanelReturnContent;
  reportPdf: Uint8Array;
  reportSha256: string;
  scoresheets: NestedPackage<ScoresheetContent>[];
  countersignatures: NestedPackage<CountersignatureContent>[];
}

export async function checkPanelReturnParts(parts: PanelReturnParts): Promise<string[]> {
  const { assignment, panelReturn } = parts;
  const roster = new Map(assignment.panel.members.map((m) => [m.keyId, m]));
  const problems: string[] = [];
  const samePanel = (c: { cycleId: string; applicantId: string; panelId: string }) =>
    c.cycleId === panelReturn.cycleId && c.applicantId === panelReturn.applicantId && c.panelId === panelReturn.panelId;
  const who = (keyId: string) => roster.get(keyId)?.name ?? keyId;

  if (parts.reportSha256 !== panelReturn.report.sha256) problems.push('the report PDF does not match the SHA-256 the panel return names');
  for (const s of parts.scoresheets) {
    if (s.senderKeyId !== s.listedKeyId || s.content.expertKeyId !== s.listedKeyId) {
      problems.push(`the scoresheet listed for ${who(s.listedKeyId)} was signed by ${who(s.senderKeyId)} for ${who(s.content.expertKeyId)}`);
    }
    if (!roster.has(s.listedKeyId)) problems.push(`a scoresheet comes from ${s.listedKeyId}, who is not on this panel`);
    if (!samePanel(s.content)) problems.push(`the scoresheet of ${who(s.listedKeyId)} is for another panel (${s.content.panelId})`);
  }
  for (const c of parts.countersignatures) {
    const member = roster.get(c.listedKeyId);
    if (c.senderKeyId !== c.listedKeyId || c.content.signerKeyId !== c.listedKeyId) {
      problems.push(`the countersignature listed for ${who(c.listedKeyId)} was sent by ${who(c.senderKeyId)} for ${who(c.content.signerKeyId)}`);
    }
    if (!member) {
      problems.push(`a countersignature comes from ${c.listedKeyId}, who is not on this panel`);
      continue;
    }
    if (!samePanel(c.content)) problems.push(`the countersignature of ${member.name} is for another panel (${c.content.panelId})`);
    if (c.content.reportSha256 !== panelReturn.report.sha256) problems.push(`${member.name} countersigned another report (SHA-256 ${c.content.reportSha256.slice(0, 12)}…)`);
    if (!(await signatureValid(member.signingKey, c.content.signature, parts.reportPdf))) {
      problems.push(`${member.name}'s countersignature is not a valid signature over this report PDF`);
    }
  }
  return problems;
}

async function signatureValid(signingKeyBase64: string, derBase64: string, data: Uint8Array): Promise<boolean> {
  const spki = decodeBase64(signingKeyBase64);
  const der = decodeBase64(derBase64);
  if (!spki || !der) return false;
  const raw = derSignatureToRaw(der);
  if (!raw.ok) return false;
  try {
    const key = await importVerifyingKey(spki);
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, bs(raw.value), bs(data));
  } catch {
    return false;
  }
}
