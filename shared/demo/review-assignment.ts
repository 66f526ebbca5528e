import { z } from 'zod';
import { criteriaSetSchema } from '../criteria/criteria-set.js';
import { cycleRulesSchema } from '../cycle/cycle-rules.js';

/**
 * What an expert's device knows about one review before any scoring: the part of an
 * assignment package (docs/domain.md §6) the scoresheet works against. The demo review is one of
 * these; the package importer produces the same shape from a real assignment.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

const cycleSchema = z.strictObject({
  id: text(64),
  /** "第三届郑州市市长质量奖" */
  name: text(200),
  year: z.number().int().min(2000).max(2100),
});

const applicantProfileSchema = z.strictObject({
  id: text(64),
  name: text(200),
  /** 统一社会信用代码, 18 characters. */
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'an 18-character unified social credit code'),
  industry: text(200),
  address: text(300),
  contactName: text(100),
  contactPhone: text(40),
  /** A few sentences the panel reads first. */
  summary: text(4000),
});

const siteIssueSchema = z.strictObject({
  id: text(64),
  /** The criteria item the material review raised it under; null for a general issue. */
  itemId: z.string().min(1).max(64).nullable(),
  text: text(2000),
});

const panelMemberSchema = z.strictObject({
  id: text(64),
  name: text(100),
  organisation: text(200),
  title: text(100),
  role: z.enum(['leader', 'member']),
});

export const reviewAssignmentSchema = z.strictObject({
  id: text(64),
  cycle: cycleSchema,
  applicant: applicantProfileSchema,
  criteriaSet: criteriaSetSchema,
  /** The cycle's rules as the assignment carried them: the summary's award line follows them. */
  rules: cycleRulesSchema,
  /** The panel's material-review percentages (材料评审), shown beside each item for reference. */
  materialReview: z.record(z.string(), z.number().int().min(0).max(100)),
  /** 现场核查要点: what the material review asks the site visit to verify. */
  siteIssues: z.array(siteIssueSchema).max(100),
  panel: z.array(panelMemberSchema).min(1).max(7),
  /** The on-site days, ISO dates. */
  schedule: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
});

export type Cycle = z.infer<typeof cycleSchema>;
export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;
export type SiteIssue = z.infer<typeof siteIssueSchema>;
export type PanelMember = z.infer<typeof panelMemberSchema>;
export type ReviewAssignment = z.infer<typeof reviewAssignmentSchema>;
