import { z } from 'zod';
import { chinaDateOf } from './china-date.js';
import type { NoticePeriod } from './notice-period.js';

/**
 * A complaint (举报) against a candidate during public notice, Art. 17(8): in writing, with
 * proof; a person signs with name, phone, address and identity proof; an organisation gives
 * its address, phone and its seal. A complaint lacking any particular is still recorded (the
 * secretariat must be able to show what it received) but marked invalid with the reasons.
 * A valid complaint may be investigated; a proven one withdraws the candidate.
 */
const optionalText = z.string().trim().max(500).optional();

const complainantSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    name: optionalText,
    /** Signed by hand: the written complaint bears the person's signature. */
    signed: z.boolean(),
    phone: optionalText,
    address: optionalText,
    /** What identity proof came with it (e.g. 居民身份证复印件). */
    identityProof: optionalText,
  }),
  z.strictObject({
    kind: z.literal('organisation'),
    name: optionalText,
    phone: optionalText,
    address: optionalText,
    /** The organisation's official seal (公章) is on the complaint. */
    sealed: z.boolean(),
  }),
]);
export type Complainant = z.infer<typeof complainantSchema>;

const complaintStatusSchema = z.enum(['received', 'investigating', 'proven', 'unfounded']);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

export const complaintSchema = z.strictObject({
  id: z.string().min(1).max(64),
  applicantId: z.string().min(1).max(64),
  receivedAt: z.number().int().nonnegative(),
  /** In writing (书面): a phone call is not a complaint under Art. 17(8). */
  inWriting: z.boolean(),
  complainant: complainantSchema,
  summary: z.string().trim().min(1).max(5000),
  /** The supporting proof (证明材料) submitted, described. */
  evidence: z.string().trim().max(5000).default(''),
  status: complaintStatusSchema.default('received'),
  /** The finding of the secretariat's investigation (Art. 10(7)). */
  finding: z.string().trim().max(5000).optional(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export interface ComplaintDefect {
  code: 'not-in-writing' | 'no-name' | 'not-signed' | 'no-phone' | 'no-address' | 'no-identity-proof' | 'no-seal' | 'no-evidence';
  zh: string;
  en: string;
}

const blank = (s: string | undefined): boolean => !s?.trim();

/** The particulars a complaint lacks, each with its reason. None: the complaint is valid. */
export function complaintDefects(complaint: Complaint): ComplaintDefect[] {
  const d: ComplaintDefect[] = [];
  const c = complaint.complainant;
  if (!complaint.inWriting) d.push({ code: 'not-in-writing', zh: '举报未以书面形式提出', en: 'the complaint was not made in writing' });
  if (c.kind === 'person') {
    if (blank(c.name)) d.push({ code: 'no-name', zh: '个人举报未署本人姓名', en: 'a personal complaint must give the person’s name' });
    if (!c.signed) d.push({ code: 'not-signed', zh: '个人举报未经本人签署', en: 'a personal complaint must be signed' });
    if (blank(c.phone)) d.push({ code: 'no-phone', zh: '未注明联系电话', en: 'no phone number' });
    if (blank(c.address)) d.push({ code: 'no-address', zh: '未注明通讯地址', en: 'no postal address' });
    if (blank(c.identityProof)) d.push({ code: 'no-identity-proof', zh: '未提供身份证明', en: 'no identity proof' });
  } else {
    if (blank(c.name)) d.push({ code: 'no-name', zh: '单位举报未注明单位名称', en: 'an organisation’s complaint must name the organisation' });
    if (blank(c.address)) d.push({ code: 'no-address', zh: '未注明住所及通讯地址', en: 'no address' });
    if (blank(c.phone)) d.push({ code: 'no-phone', zh: '未注明联系电话', en: 'no phone number' });
    if (!c.sealed) d.push({ code: 'no-seal', zh: '单位举报未加盖单位公章', en: 'an organisation’s complaint must bear its seal' });
  }
  if (blank(complaint.evidence)) d.push({ code: 'no-evidence', zh: '未提交相关证明材料', en: 'no supporting proof submitted' });
  return d;
}

/**
 * Whether the complaint arrived inside the notice period (China dates). A late complaint is
 * not made invalid by this (the regulation sets no deadline for complaints, and Art. 10(7)
 * has the secretariat check what the public reports); it is shown so the committee knows.
 */
export function receivedDuringNotice(complaint: Complaint, period: NoticePeriod): boolean {
  const day = chinaDateOf(complaint.receivedAt);
  return day >= period.start && day <= period.end;
}
