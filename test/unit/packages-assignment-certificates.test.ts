import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../cli/lib/demo-participant.js';
import { verifyAssignmentCertificates } from '../../shared/packages/content/assignment-certificates.js';
import { assignmentContentSchema } from '../../shared/packages/content/assignment.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { assemblePackage } from '../../shared/packages/write-package.js';
import { canonicalJsonBytes } from '../../shared/util/canonical-json.js';
import { certifyMembers } from '../../shared/workflow/certify-experts.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { makePanel } from './packages-fixture.js';

/** Certificates travel in assignments: the secretariat's root and one per member, for that member's key. */
describe('assignment certificates', () => {
  it('are required, must be for each member’s own signing key, and must come from the secretariat’s root', async () => {
    const panel = await makePanel(5, 3);
    const { assignment, secretariat, members } = panel;
    const problems = (a: unknown) => {
      const r = assignmentContentSchema.safeParse(a);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(problems(assignment)).toEqual([]);
    expect(problems({ ...assignment, certificates: undefined }).join()).toMatch(/expected object/i);

    const certs = assignment.certificates;
    const [first, second] = [certs.members[0]!, certs.members[1]!];
    const swapped = { ...certs, members: [{ ...first, certificate: second.certificate }, { ...second, certificate: first.certificate }, ...certs.members.slice(2)] };
    expect(problems({ ...assignment, certificates: swapped }).join('\n')).toMatch(/another public key than the roster's signing key/);
    expect(problems({ ...assignment, certificates: { ...certs, members: certs.members.slice(1) } }).join()).toMatch(new RegExp(`${members[0]!.facts.name} has no certificate`));
    expect(problems({ ...assignment, certificates: { ...certs, root: first.certificate } }).join()).toMatch(/root certificate's public key is not the secretariat's/);
    expect(problems({ ...assignment, certificates: { ...certs, root: 'A'.repeat(400) } }).join()).toMatch(/not X\.509 DER/);

    // Certificates for the right keys, but issued by another CA with the same name: the
    // schema cannot tell, the signature check can.
    const impostor = await createParticipant({ name: secretariat.facts.name, organisation: secretariat.facts.organisation, role: 'secretariat' });
    const fake = await certifyMembers(memoryCertificateStore(), { identity: impostor.card, keys: impostor.keys }, assignment.panel.members, { now: () => new Date(Date.UTC(2026, 5, 1)) });
    const forged = { ...fake, root: certs.root };
    expect(problems({ ...assignment, certificates: forged })).toEqual([]);
    expect(await verifyAssignmentCertificates(forged, new Date(assignment.issuedAt))).toMatch(/not signed by the secretariat's root/);
    expect(await verifyAssignmentCertificates(certs, new Date(assignment.issuedAt))).toBeNull();
    expect(await verifyAssignmentCertificates(certs, new Date(Date.UTC(2040, 0, 1)))).toMatch(/not valid when the assignment was issued/);

    // And an importer refuses a signed assignment carrying them.
    const bad = await assemblePackage({
      type: 'assignment', subject: panel.subject, revision: 1, sender: { name: secretariat.facts.name, keys: secretariat.keys },
      recipients: [members[1]!.card], entries: [{ name: 'content.json', bytes: canonicalJsonBytes({ ...assignment, certificates: forged }) }],
    });
    if (!bad.ok) throw new Error(bad.error.message);
    const imported = await importPackage(bad.value.bytes, { keys: members[1]!.keys, trust: panel.memberTrust, accept: ['assignment'], history: NO_HISTORY, held: null });
    expect(imported.ok ? 'imported' : `${imported.error.code}: ${imported.error.message}`).toMatch(/content-invalid: .*not signed by the secretariat's root/);
  });
});
