/**
 * A whole cycle over files, as the secretariat and the panels' devices would run it: every
 * device its own keys, identity cards imported by the secretariat, panels checked (recusal
 * included), assignments issued, members' scoresheets, and each leader's signed panel return
 * carrying the consensus the scenario gives. Written to DIR with index.json as `zqa demo`
 * lays it out, so `zqa rank DIR` reads it as the secretariat.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { demoScoresheet } from '../../cli/lib/demo-content.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { recommend } from '../../shared/consensus/recommendation.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { sealKeyBackup } from '../../shared/crypto/key-backup.js';
import type { Cycle } from '../../shared/cycle/cycle.js';
import { assignmentCertificates, secretariatAuthority } from '../../shared/identity/enrolment-certificates.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { EMPTY_TRUST_STORE } from '../../shared/identity/trust-store.js';
import { prepareBlobs } from '../../shared/packages/blobs.js';
import type { AssignmentContent } from '../../shared/packages/content/assignment.js';
import type { PanelReturnContent } from '../../shared/packages/content/panel-return.js';
import { importPackage } from '../../shared/packages/import-package.js';
import { NO_HISTORY } from '../../shared/packages/revision.js';
import { writePackage } from '../../shared/packages/write-package.js';
import type { PoolExpert } from '../../shared/panel/expert.js';
import type { Panel } from '../../shared/panel/panel-rules.js';
import type { ApplicantProfile } from '../../shared/applicant/applicant-profile.js';
import { sha256Hex, toBase64 } from '../../shared/util/bytes.js';

export interface ScenarioApplicant {
  profile: ApplicantProfile;
  consensus: Record<string, number>;
  /** Art. 14 numbers the panel confirms. */
  exclusions: number[];
}

export interface Devices {
  secretariat: Participant;
  experts: Participant[];
}

export const PASSPHRASE = 'zqa-secretariat-test';

export async function createDevices(expertCount: number): Promise<Devices> {
  const secretariat = await createParticipant({ name: '秘书处', organisation: '郑州市市长质量奖评定委员会秘书处', role: 'secretariat' });
  const names = ['王建国', '李丽华', '张志强', '刘秀英', '陈明', '杨伟', '赵芳', '黄海燕', '周立新'];
  const experts: Participant[] = [];
  for (let i = 0; i < expertCount; i++) experts.push(await createParticipant({ name: names[i]!, organisation: '河南省质量协会', role: 'expert' }));
  return { secretariat, experts };
}

/** The secretariat imports each expert's card from its file, as it would at enrolment. */
export async function enrolExperts(dir: string, devices: Devices): Promise<IdentityCard[]> {
  await mkdir(join(dir, 'cards'), { recursive: true });
  const cards: IdentityCard[] = [];
  for (const [i, e] of [devices.secretariat, ...devices.experts].entries()) {
    const card = await writeCardPackage(e, new Date(Date.UTC(2026, 5, 1)));
    if (!card.ok) throw new Error(card.error.message);
    const file = join(dir, 'cards', `${String(i + 1).padStart(2, '0')}.zqa`);
    await writeFile(file, card.value.bytes);
    const imported = await importPackage(card.value.bytes, { keys: null, trust: EMPTY_TRUST_STORE, accept: ['identity-card'], history: NO_HISTORY });
    if (!imported.ok) throw new Error(imported.error.message);
    cards.push(imported.value.content as IdentityCard);
  }
  return cards;
}

export function poolFrom(cards: readonly IdentityCard[], interests: Record<string, PoolExpert['interests']>): PoolExpert[] {
  return cards
    .filter((c) => c.role === 'expert')
    .map((c) => ({ id: c.keyId, name: c.name, organisation: c.organisation, fingerprint: c.fingerprint, fingerprintConfirmed: true, employer: { name: c.organisation }, interests: interests[c.name] ?? [] }));
}

function consensusRecord(percents: Record<string, number>, exclusions: number[]): ConsensusRecord {
  return {
    criteriaSetId: GBT19580_2012.id,
    items: itemsOf(GBT19580_2012).map((i) => ({ itemId: i.id, percent: percents[i.id] ?? null, rationale: '评审组讨论一致', strengths: [], ofis: [] })),
    exclusions: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ number: n, status: exclusions.includes(n) ? ('flagged' as const) : ('clear' as const), note: exclusions.includes(n) ? '现场核实属实' : '' })),
    overallEvaluation: '综合评价',
    keyStrengths: [],
    keyOfis: [],
  };
}

function publicIdentity({ role: _role, ...identity }: IdentityCard): Omit<IdentityCard, 'role'> {
  return identity;
}

interface IndexEntry {
  file: string;
  type: string;
  from: string;
  to: string[];
}

/**
 * Issues one assignment per panel, has every member score and send a scoresheet, and each
 * leader send the panel return; writes the secretariat's key file and index.json.
 */
export async function runPanels(
  dir: string,
  cycle: Cycle,
  devices: Devices,
  panels: { applicant: ScenarioApplicant; panel: Panel }[],
  rules: unknown,
  options: { forgeCountersignatureInPanel?: number; reviseConsensus?: { panel: number; consensus: Record<string, number>; revision: number } } = {},
): Promise<void> {
  await mkdir(join(dir, 'packages'), { recursive: true });
  await mkdir(join(dir, 'keys'), { recursive: true });
  const byKey = new Map(devices.experts.map((e) => [e.card.keyId, e]));
  const sec = devices.secretariat;
  const packages: IndexEntry[] = [];
  const random = seededRandom(7);
  let minute = 0;
  const clock = () => new Date(Date.UTC(2026, 5, 10, 8, minute++));
  const authority = await secretariatAuthority({ ...sec.card, sign: (d) => sec.keys.sign(d) }, clock());
  for (const [n, { applicant, panel }] of panels.entries()) {
    const members = panel.memberIds.map((id) => byKey.get(id)!);
    const leader = byKey.get(panel.leaderId)!;
    const subject = { cycleId: cycle.id, applicantId: applicant.profile.id, panelId: `panel-${n + 1}` };
    const { profile } = applicant;
    const assignment: AssignmentContent = {
      cycle: { id: cycle.id, name: cycle.name, year: cycle.year },
      applicant: { id: profile.id, name: profile.name, creditCode: profile.creditCode, industry: profile.industry, address: profile.address, contact: `${profile.contact.name} ${profile.contact.phone}`, profile: '' },
      panel: {
        id: subject.panelId,
        name: `第${n + 1}评审组`,
        members: members.map((m) => ({ ...publicIdentity(m.card), role: m === leader ? ('leader' as const) : ('expert' as const) })),
      },
      rules: cycle.rules,
      secretariat: publicIdentity(sec.card),
      certificates: await assignmentCertificates(authority, members.map((m) => m.card)),
      criteriaSet: GBT19580_2012,
      materialReview: { scores: [], summary: '' },
      siteIssues: [],
      schedule: [],
      issuedAt: clock().toISOString(),
    };
    const issued = await writePackage({ type: 'assignment', content: assignment, subject, revision: 1, createdAt: clock(), sender: { name: sec.facts.name, keys: sec.keys }, recipients: [sec.card, ...members.map((m) => m.card)] });
    if (!issued.ok) throw new Error(issued.error.message);
    const assignmentFile = `packages/assignment-${n + 1}.zqa`;
    await writeFile(join(dir, assignmentFile), issued.value.bytes);
    packages.push({ file: assignmentFile, type: 'assignment', from: sec.facts.name, to: [sec.facts.name, ...members.map((m) => m.facts.name)] });

    const nested: { keyId: string; fileName: string; bytes: Uint8Array }[] = [];
    for (const m of members) {
      const sheet = await demoScoresheet({ random, assignment, expert: m.card, startedAt: clock() });
      const written = await writePackage({
        type: 'scoresheet', content: sheet.content, blobs: sheet.blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject, revision: 1,
        createdAt: clock(), sender: { name: m.facts.name, keys: m.keys }, recipients: [...new Map([leader, sec, m].map((p) => [p.card.keyId, p.card])).values()],
      });
      if (!written.ok) throw new Error(written.error.message);
      nested.push({ keyId: m.card.keyId, fileName: `scoresheet-${m.card.keyId.slice(0, 8)}.zqa`, bytes: written.value.bytes });
    }
    const report = new TextEncoder().encode(`%PDF-1.7\n% 现场评审报告 ${profile.name}\n%%EOF\n`);
    const reportSha256 = await sha256Hex(report);
    const signed: { keyId: string; fileName: string; bytes: Uint8Array }[] = [];
    for (const m of members.filter((x) => x !== leader)) {
      // A member signs the report PDF's bytes; a forged one signs other bytes.
      const forged = options.forgeCountersignatureInPanel === n && signed.length === 0;
      const signature = rawSignatureToDer(await m.keys.sign(forged ? new TextEncoder().encode('another report') : report));
      const cs = await writePackage({
        type: 'countersignature',
        content: { ...subject, reportPackageId: '0'.repeat(32), reportSha256, signerKeyId: m.card.keyId, signature: toBase64(signature), agrees: true, comment: '', signedAt: clock().toISOString() },
        subject, revision: 1, createdAt: clock(), sender: { name: m.facts.name, keys: m.keys }, recipients: [leader.card, sec.card],
      });
      if (!cs.ok) throw new Error(cs.error.message);
      signed.push({ keyId: m.card.keyId, fileName: `countersignature-${m.card.keyId.slice(0, 8)}.zqa`, bytes: cs.value.bytes });
    }
    const blobs = await prepareBlobs([
      { fileName: '现场评审报告.pdf', mediaType: 'application/pdf', bytes: report },
      ...nested.map((s) => ({ fileName: s.fileName, mediaType: 'application/vnd.zqa.package', bytes: s.bytes })),
      ...signed.map((s) => ({ fileName: s.fileName, mediaType: 'application/vnd.zqa.package', bytes: s.bytes })),
    ]);
    const nestedRef = (i: number) => ({ ...blobs[i]!.ref, mediaType: 'application/vnd.zqa.package' as const });
    const signedRecommendation = (record: ConsensusRecord) => {
      const facts = recommend(GBT19580_2012, record, cycle.rules);
      return facts.ok ? facts.value.recommendation : 'not-recommended';
    };
    const consensus = consensusRecord(applicant.consensus, applicant.exclusions);
    const content: PanelReturnContent = {
      ...subject,
      consensus,
      recommendation: signedRecommendation(consensus),
      reportText: '现场评审报告正文',
      report: { ...blobs[0]!.ref, mediaType: 'application/pdf' },
      scoresheets: nested.map((s, i) => ({ expertKeyId: s.keyId, package: nestedRef(1 + i) })),
      countersignatures: signed.map((s, i) => ({ signerKeyId: s.keyId, package: nestedRef(1 + nested.length + i) })),
      returnedAt: clock().toISOString(),
    };
    const revisions = [{ revision: 1, content }];
    const revise = options.reviseConsensus;
    if (revise?.panel === n) {
      const revised = consensusRecord(revise.consensus, applicant.exclusions);
      revisions.push({ revision: revise.revision, content: { ...content, consensus: revised, recommendation: signedRecommendation(revised) } });
    }
    for (const [k, r] of revisions.entries()) {
      const returned = await writePackage({
        type: 'panel-return', content: r.content, blobs: blobs.map((b) => ({ entry: b.ref.entry, bytes: b.bytes })), subject, revision: r.revision,
        createdAt: clock(), sender: { name: leader.facts.name, keys: leader.keys }, recipients: [sec.card],
      });
      if (!returned.ok) throw new Error(returned.error.message);
      const file = `packages/panel-return-${n + 1}${k > 0 ? `-${k + 1}` : ''}.zqa`;
      await writeFile(join(dir, file), returned.value.bytes);
      packages.push({ file, type: 'panel-return', from: leader.facts.name, to: [sec.facts.name] });
    }
  }
  await writeFile(join(dir, 'keys', '01-secretariat.zqakey'), await sealKeyBackup(sec.material, PASSPHRASE));
  const index = {
    passphrase: PASSPHRASE,
    rules,
    participants: [{ name: sec.facts.name, role: 'secretariat', identityCard: 'cards/01.zqa', keyFile: 'keys/01-secretariat.zqakey' }],
    packages,
  };
  await writeFile(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}
