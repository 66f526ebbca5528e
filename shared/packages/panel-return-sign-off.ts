import { err, ok, type Result } from '../util/result.js';
import type { AssignmentContent } from './content/assignment.js';
import type { CountersignatureContent } from './content/countersignature.js';
import type { PanelReturnContent } from './content/panel-return.js';
import { packageError, type PackageError } from './errors.js';

/**
 * Who signed off a panel's report, as the secretariat sees it: every member countersigned
 * (agreeing, or with reservations — 有保留意见 — and their reason) or was recorded absent by the
 * leader with a reason. A dissent is never lost on the way: it is part of what is checked.
 */
export interface SignOff {
  countersigned: { keyId: string; name: string; agrees: boolean; comment: string }[];
  /** Countersigned with reservations: the member's reason, as signed. */
  dissents: { keyId: string; name: string; reason: string }[];
  /** Could not countersign: the reason the leader recorded and signed with the return. */
  absences: { keyId: string; name: string; reason: string; recordedAt: string }[];
}

const incomplete = (detail: string) => err(packageError('return-incomplete', detail));
const partInvalid = (detail: string) => err(packageError('return-part-invalid', detail));

/**
 * A panel return is complete against the roster of the assignment it is bound to: one
 * scoresheet from every member (the leader included: the leader scores too), and from every
 * member but the leader (who signs the report itself) a countersignature of this report or a
 * recorded absence — never both, and from nobody off the roster.
 */
export function panelReturnSignOff(
  assignment: Pick<AssignmentContent, 'panel'>,
  content: Pick<PanelReturnContent, 'scoresheets' | 'absences'>,
  countersignatures: readonly Pick<CountersignatureContent, 'signerKeyId' | 'agrees' | 'comment'>[],
): Result<SignOff, PackageError> {
  const roster = new Map(assignment.panel.members.map((m) => [m.keyId, m]));
  const nameOf = (keyId: string) => roster.get(keyId)?.name ?? keyId;
  for (const s of content.scoresheets) if (!roster.has(s.expertKeyId)) return partInvalid(`a scoresheet from ${s.expertKeyId}, who is not on panel ${assignment.panel.id}`);
  for (const c of countersignatures) if (!roster.has(c.signerKeyId)) return partInvalid(`a countersignature from ${c.signerKeyId}, who is not on panel ${assignment.panel.id}`);
  const signed = new Map(countersignatures.map((c) => [c.signerKeyId, c]));
  for (const a of content.absences) {
    const member = roster.get(a.memberKeyId);
    if (!member) return partInvalid(`an absence recorded for ${a.memberKeyId}, who is not on panel ${assignment.panel.id}`);
    if (member.role === 'leader') return partInvalid(`an absence recorded for the leader ${member.name}, who signs the report itself`);
    if (signed.has(a.memberKeyId)) return partInvalid(`${member.name} both countersigned and is recorded absent`);
  }
  const sheets = new Set(content.scoresheets.map((s) => s.expertKeyId));
  const absent = new Map(content.absences.map((a) => [a.memberKeyId, a]));
  for (const m of assignment.panel.members) {
    if (!sheets.has(m.keyId)) return incomplete(`no scoresheet from ${m.name}`);
    if (m.role !== 'leader' && !signed.has(m.keyId) && !absent.has(m.keyId)) return incomplete(`neither a countersignature nor a recorded absence for ${m.name}`);
  }
  const countersigned = countersignatures.map((c) => ({ keyId: c.signerKeyId, name: nameOf(c.signerKeyId), agrees: c.agrees, comment: c.comment }));
  return ok({
    countersigned,
    dissents: countersigned.filter((c) => !c.agrees).map((c) => ({ keyId: c.keyId, name: c.name, reason: c.comment })),
    absences: content.absences.map((a) => ({ keyId: a.memberKeyId, name: nameOf(a.memberKeyId), reason: a.reason, recordedAt: a.recordedAt })),
  });
}

/** The sign-off as the comprehensive review carries it (ApplicantResult's dissents and absences). */
export function signOffOfResult(signOff: SignOff): { dissents: { name: string; reason: string }[]; absences: { name: string; reason: string }[] } {
  return {
    dissents: signOff.dissents.map((d) => ({ name: d.name, reason: d.reason })),
    absences: signOff.absences.map((a) => ({ name: a.name, reason: a.reason })),
  };
}
