import { err, ok, type Result } from '../util/result.js';
import type { AssignmentContent } from './content/assignment.js';
import { packageError, type PackageError } from './errors.js';
import { subjectOfAssignment, type HeldRecords } from './held-records.js';
import type { Manifest, PackageType } from './manifest.js';
import { SENDER_ROLES } from './sender-roles.js';

/** Identity cards are about no panel; an assignment is what the others are bound to. */
const UNBOUND: ReadonlySet<PackageType> = new Set(['identity-card', 'assignment']);

const fail = (code: PackageError['code'], detail: string) => err(packageError(code, detail));

/**
 * Binds a verified manifest to the assignment the device holds for exactly its cycle,
 * applicant and panel, and its signer to that assignment's roster in a role that may send
 * this type. Returns the assignment, or null for the unbound types.
 */
export async function bindToAssignment(manifest: Manifest, held: HeldRecords): Promise<Result<AssignmentContent | null, PackageError>> {
  if (UNBOUND.has(manifest.type)) return ok(null);
  const { cycleId, applicantId, panelId } = manifest.subject;
  const about = `cycle ${cycleId ?? '(none)'}, applicant ${applicantId ?? '(none)'}, panel ${panelId ?? '(none)'}`;
  const candidates = panelId ? await held.assignments(panelId) : [];
  const assignment = candidates.find((a) => a.cycle.id === cycleId && a.applicant.id === applicantId);
  if (!assignment) {
    const heldFor = candidates.map((a) => {
      const s = subjectOfAssignment(a);
      return `cycle ${s.cycleId}, applicant ${s.applicantId}`;
    });
    return fail('wrong-subject', heldFor.length ? `a ${manifest.type} for ${about}; this device holds panel ${panelId} for ${heldFor.join('; ')}` : `a ${manifest.type} for ${about}; this device holds no assignment for that panel`);
  }
  const member = assignment.panel.members.find((m) => m.keyId === manifest.sender.keyId);
  if (!member) return fail('untrusted-signer', `${manifest.sender.name} (key ${manifest.sender.keyId}) is not on the roster of ${about}`);
  if (!SENDER_ROLES[manifest.type].includes(member.role)) return fail('untrusted-signer', `${member.name} (${member.role} of panel ${panelId}) may not send a ${manifest.type} package`);
  return ok(assignment);
}

/** Names are compared as people read them: the same characters after Unicode NFC, nothing else. */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC') === b.normalize('NFC');
}
