import type { z } from 'zod';
import { checkCardKeys, type IdentityCard } from '../../identity/identity-card.js';
import { verifyHistoryChain } from '../../history/hash-chain.js';
import { packageError, type PackageError } from '../errors.js';
import { currentScoresProblem } from '../score-history.js';
import { sameName } from '../subject-binding.js';
import type { Manifest, PackageType } from '../manifest.js';
import { assignmentContentSchema, type AssignmentContent } from './assignment.js';
import { verifyAssignmentCertificates } from './assignment-certificates.js';
import type { BlobRef } from './common.js';
import { countersignatureContentSchema, type CountersignatureContent } from './countersignature.js';
import { identityCardContentSchema } from './identity-card.js';
import { panelReturnContentSchema, type PanelReturnContent } from './panel-return.js';
import { reportForSigningContentSchema, type ReportForSigningContent } from './report-for-signing.js';
import { scoresheetContentSchema, type ScoresheetContent } from './scoresheet.js';

/** The typed content of each package type. */
export interface ContentByType {
  'identity-card': IdentityCard;
  assignment: AssignmentContent;
  scoresheet: ScoresheetContent;
  'report-for-signing': ReportForSigningContent;
  countersignature: CountersignatureContent;
  'panel-return': PanelReturnContent;
}

export type PackageContent = { [T in PackageType]: { type: T; content: ContentByType[T] } }[PackageType];

interface ContentRules {
  schema: z.ZodType;
  /** Every file the content refers to, each an encrypted `blobs/NNNN` entry. */
  blobs(content: never): BlobRef[];
  /** What the schema cannot check alone: agreement with the signed manifest, keys, chains. */
  check(content: never, manifest: Manifest): Promise<ContentProblem | null>;
}

/** A reason to refuse content: `content-invalid` with this detail, or an error of its own. */
export type ContentProblem = string | PackageError;

export function contentProblemError(problem: ContentProblem): PackageError {
  return typeof problem === 'string' ? packageError('content-invalid', problem) : problem;
}

type PanelIds = { cycleId: string; applicantId: string; panelId: string };
function subjectMismatch(ids: PanelIds, manifest: Manifest): string | null {
  const s = manifest.subject;
  if (s.cycleId !== ids.cycleId || s.applicantId !== ids.applicantId || s.panelId !== ids.panelId) {
    return 'cycle, applicant or panel id differs from the manifest';
  }
  return null;
}

const RULES: { [T in PackageType]: ContentRules & { blobs(c: ContentByType[T]): BlobRef[]; check(c: ContentByType[T], m: Manifest): Promise<ContentProblem | null> } } = {
  'identity-card': {
    schema: identityCardContentSchema,
    blobs: () => [],
    async check(card, manifest) {
      if (card.keyId !== manifest.sender.keyId || card.signingKey !== manifest.sender.signingKey) return "the card's key is not the key that signed it";
      if (!sameName(card.name, manifest.sender.name)) return packageError('sender-name-mismatch', `the manifest names "${manifest.sender.name}"; the card is "${card.name}"'s`);
      const keys = await checkCardKeys(card);
      return keys.ok ? null : keys.error;
    },
  },
  assignment: {
    schema: assignmentContentSchema,
    blobs: () => [],
    async check(a, manifest) {
      const mismatch = subjectMismatch({ cycleId: a.cycle.id, applicantId: a.applicant.id, panelId: a.panel.id }, manifest);
      if (mismatch) return mismatch;
      if (a.secretariat.keyId !== manifest.sender.keyId) return 'the secretariat named in the assignment did not sign it';
      for (const person of [a.secretariat, ...a.panel.members]) {
        const keys = await checkCardKeys(person);
        if (!keys.ok) return `${person.name}: ${keys.error}`;
      }
      return verifyAssignmentCertificates(a.certificates, new Date(a.issuedAt));
    },
  },
  scoresheet: {
    schema: scoresheetContentSchema,
    blobs: (s) => s.attachments,
    async check(s, manifest) {
      if (s.expertKeyId !== manifest.sender.keyId) return 'the scoresheet names another expert than its signer';
      const mismatch = subjectMismatch(s, manifest);
      if (mismatch) return mismatch;
      // The chain is re-checked here, not trusted from the sender's device: a history edited
      // and re-signed by its own owner still breaks at the first changed entry.
      const chain = await verifyHistoryChain(s.history);
      if (!chain.ok) {
        const { seq, problem, message } = chain.error;
        return { ...packageError('history-broken', `first broken link at seq ${seq} (${problem}): ${message}`), historyBreak: { seq, problem } };
      }
      const scores = currentScoresProblem(s);
      return scores ? packageError('score-not-in-history', scores) : null;
    },
  },
  'report-for-signing': {
    schema: reportForSigningContentSchema,
    blobs: (r) => [r.report],
    check: (r, manifest) => Promise.resolve(subjectMismatch(r, manifest)),
  },
  countersignature: {
    schema: countersignatureContentSchema,
    blobs: () => [],
    check: (c, manifest) => Promise.resolve(c.signerKeyId !== manifest.sender.keyId ? 'the countersignature names another signer than its sender' : subjectMismatch(c, manifest)),
  },
  'panel-return': {
    schema: panelReturnContentSchema,
    blobs: (r) => [r.report, ...r.scoresheets.map((s) => s.package), ...r.countersignatures.map((c) => c.package)],
    check: (r, manifest) => Promise.resolve(subjectMismatch(r, manifest)),
  },
};

export function contentRules<T extends PackageType>(type: T): { schema: z.ZodType; blobs(c: ContentByType[T]): BlobRef[]; check(c: ContentByType[T], m: Manifest): Promise<ContentProblem | null> } {
  return RULES[type];
}
