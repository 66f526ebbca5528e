import { z } from 'zod';
import { itemsOf, validateCriteriaSet } from '../../criteria/validate-criteria-set.js';
import type { CriteriaSet } from '../../criteria/criteria-set.js';
import { cycleRulesSchema, validateCycleRules } from '../../cycle/cycle-rules.js';
import { assignmentCertificatesSchema, certificateProblems } from './assignment-certificates.js';
import { isoTimeSchema, itemIdSchema, localIdSchema, longText, panelSubjectShape, percentSchema, publicIdentitySchema, shortText, duplicates } from './common.js';

/**
 * `assignment` content (secretariat → each panel member): what the panel reviews and who
 * sits on it. The roster is how the secretariat vouches for the members' keys: a device
 * that trusts the secretariat trusts the members named here for this panel's packages.
 */
const rosterMemberSchema = publicIdentitySchema.extend({ role: z.enum(['leader', 'expert']) });
export type RosterMember = z.infer<typeof rosterMemberSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const assignmentContentSchema = z
  .strictObject({
    cycle: z.strictObject({ id: panelSubjectShape.cycleId, name: shortText, year: z.number().int().min(2000).max(2100) }),
    applicant: z.strictObject({
      id: panelSubjectShape.applicantId,
      name: shortText,
      creditCode: z.string().max(32),
      industry: z.string().max(200),
      address: z.string().max(500),
      contact: z.string().max(500),
      profile: longText,
    }),
    panel: z.strictObject({
      id: panelSubjectShape.panelId,
      name: shortText,
      /** Its size is checked against the cycle's rules below (Art. 11). */
      members: z.array(rosterMemberSchema).min(1).max(50),
    }),
    /**
     * The cycle's rules (shared/cycle/cycle-rules.ts): the panel's summary, report and
     * recommendation follow them, never numbers of their own (threshold, nomination minimum,
     * divergence limit …).
     */
    rules: cycleRulesSchema,
    secretariat: publicIdentitySchema,
    /**
     * The secretariat's root and every member's certificate (assignment-certificates.ts):
     * required, since every roster has a leader who signs the report under one.
     */
    certificates: assignmentCertificatesSchema,
    /** Validated by validateCriteriaSet (sums to 1000, unique ids) in the refinement below. */
    criteriaSet: z.unknown(),
    materialReview: z.strictObject({
      scores: z.array(z.strictObject({ itemId: itemIdSchema, percent: percentSchema })).max(100),
      summary: longText,
    }),
    /** 现场核查要点: what the panel must verify on site. */
    siteIssues: z.array(z.strictObject({ id: localIdSchema, itemId: itemIdSchema.nullable(), text: z.string().trim().min(1).max(2000) })).max(200),
    schedule: z
      .array(z.strictObject({ date: dateSchema, start: timeSchema, end: timeSchema, activity: shortText, location: z.string().max(200) }))
      .max(100),
    issuedAt: isoTimeSchema,
  })
  .superRefine((a, ctx) => {
    const criteria = validateCriteriaSet(a.criteriaSet);
    if (!criteria.ok) {
      for (const e of criteria.error) ctx.addIssue({ code: 'custom', path: ['criteriaSet'], message: `${e.path}: ${e.message}` });
      return;
    }
    const rules = validateCycleRules(a.rules);
    if (!rules.ok) for (const p of rules.error) ctx.addIssue({ code: 'custom', path: ['rules'], message: p.en });
    const size = a.panel.members.length;
    if (size < a.rules.panelSizeMin || size > a.rules.panelSizeMax) {
      ctx.addIssue({ code: 'custom', path: ['panel', 'members'], message: `a panel of ${size}; the cycle's rules ask for ${a.rules.panelSizeMin} to ${a.rules.panelSizeMax}` });
    }
    const leaders = a.panel.members.filter((m) => m.role === 'leader').length;
    if (leaders !== 1) ctx.addIssue({ code: 'custom', path: ['panel', 'members'], message: `exactly one leader, found ${leaders}` });
    for (const d of duplicates(a.panel.members.map((m) => m.keyId))) ctx.addIssue({ code: 'custom', path: ['panel', 'members'], message: `key ${d} is listed twice` });
    if (a.panel.members.some((m) => m.keyId === a.secretariat.keyId)) ctx.addIssue({ code: 'custom', path: ['panel'], message: 'the secretariat cannot sit on the panel' });
    for (const p of certificateProblems(a.certificates, a.secretariat, a.panel.members)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    const items = new Set(itemsOf(criteria.value).map((i) => i.id));
    a.materialReview.scores.forEach((s, i) => {
      if (!items.has(s.itemId)) ctx.addIssue({ code: 'custom', path: ['materialReview', 'scores', i], message: `unknown item ${s.itemId}` });
    });
    for (const d of duplicates(a.materialReview.scores.map((s) => s.itemId))) ctx.addIssue({ code: 'custom', path: ['materialReview'], message: `item ${d} scored twice` });
    a.siteIssues.forEach((s, i) => {
      if (s.itemId !== null && !items.has(s.itemId)) ctx.addIssue({ code: 'custom', path: ['siteIssues', i], message: `unknown item ${s.itemId}` });
    });
    for (const d of duplicates(a.siteIssues.map((s) => s.id))) ctx.addIssue({ code: 'custom', path: ['siteIssues'], message: `site issue ${d} listed twice` });
  });

export type AssignmentContent = Omit<z.infer<typeof assignmentContentSchema>, 'criteriaSet'> & { criteriaSet: CriteriaSet };
