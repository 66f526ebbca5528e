import type { PoolExpert } from '../../shared/panel/expert.js';
import { checkPanel } from '../../shared/panel/panel-rules.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { demoPerson, LEADER_STAGES, runPanel, type DemoIndex, type DemoStage } from './demo-panel.js';
import type { Participant } from './demo-participant.js';
import type { Scenario } from './demo-scenario.js';
import { startDemoWorld } from './demo-world.js';
import { loadReportFonts } from './report-fonts.js';

/**
 * `zqa demo --cycle`: a whole cycle through the real code. One secretariat and one expert
 * pool (three designated leaders, five experts) for the run: keys, cards, the secretariat's
 * root and each expert's certificate are made once. For each applicant a panel of five is
 * drawn from the pool, so leaders also sit as members on others' panels; the secretariat
 * issues the assignment, members score, and the leader settles exactly the scenario's
 * consensus, signs the report and returns it. The secretariat imports every panel return
 * with one trust store holding every roster, as its app does.
 */
const POOL = { leaders: 3, experts: 5 } as const;
const PANEL_SIZE = 5;

export interface CycleDemoOptions {
  outDir: string;
  scenario: Scenario;
  seed: number;
}

export async function runCycleDemo(options: CycleDemoOptions, stages: readonly DemoStage[] = LEADER_STAGES): Promise<DemoIndex> {
  const world = await startDemoWorld(options.outDir, options.seed);
  const used = new Set<string>();
  const secretariat = await world.enrol(demoPerson(world, 'secretariat', used));
  const pool: Participant[] = [];
  for (let i = 0; i < POOL.leaders + POOL.experts; i++) pool.push(await world.enrol(demoPerson(world, i < POOL.leaders ? 'leader' : 'expert', used)));
  const cards = new Map((await world.setUpTrust(secretariat, pool)).map((c) => [c.keyId, c]));
  const certificates = memoryCertificateStore();
  const fonts = loadReportFonts();

  // The secretariat's expert pool: cards imported and fingerprints confirmed at enrolment.
  const experts: PoolExpert[] = pool.map((p) => ({
    id: p.card.keyId, name: p.facts.name, organisation: p.facts.organisation, fingerprint: p.card.fingerprint, fingerprintConfirmed: true,
    employer: { name: p.facts.organisation }, interests: [],
  }));
  const byId = new Map(pool.map((p) => [p.card.keyId, p]));

  for (const [n, applicant] of options.scenario.applicants.entries()) {
    // The panel is formed under the cycle's rules (size, one leader who is a member, recusal).
    const proposed = panelOf(pool, n);
    const checked = checkPanel(
      { applicantId: `applicant-${n + 1}`, memberIds: proposed.map((p) => p.card.keyId), leaderId: proposed[0]!.card.keyId },
      { rules: options.scenario.cycleRules, pool: experts, applicant: { name: applicant.name }, reviewDate: world.clock().toISOString().slice(0, 10) },
    );
    if (!checked.ok) throw new Error(`panel for ${applicant.name}: ${checked.error.map((p) => p.en).join('; ')}`);
    const leader = byId.get(checked.value.leaderId)!;
    const members = [leader, ...checked.value.memberIds.filter((id) => id !== leader.card.keyId).map((id) => byId.get(id)!)];
    const panelDir = `panels/${String(n + 1).padStart(2, '0')}/`;
    await runPanel(
      world,
      {
        secretariat, members, cards: members.map((m) => cards.get(m.card.keyId)!), certificates, panelDir, fonts, rules: options.scenario.cycleRules,
        applicant: { number: n + 1, name: applicant.name, industry: applicant.industry },
        given: { percent: applicant.consensus, exclusions: applicant.exclusions },
      },
      stages,
    );
    // The secretariat's device reads the return as it arrives, trusting every roster so far.
    const returned = await world.receive(`${panelDir}packages/panel-return.zqa`, secretariat, 'panel-return');
    const consensus = returned.content.consensus;
    const differs = consensus.items.find((i) => i.percent !== applicant.consensus[i.itemId]);
    if (differs) throw new Error(`panel ${n + 1} returned ${differs.itemId} at ${String(differs.percent)}%, not the scenario's ${applicant.consensus[differs.itemId]}%`);
  }
  world.index.rules = options.scenario.rules;
  // What the secretariat knows of each applicant beyond its panel's return, for `zqa rank DIR`.
  world.index.applicants = options.scenario.applicants.map((a, n) => ({
    applicantId: `applicant-${n + 1}`,
    name: a.name,
    ...(a.stage ? { stage: a.stage } : {}),
    ...(a.category ? { category: a.category } : {}),
    ...(a.previousAward ? { previousAward: a.previousAward } : {}),
  }));
  await world.writeIndex();
  return world.index;
}

/** Panel n: led by leader n mod 3, with four others from the pool in rotation (other leaders included). */
function panelOf(pool: readonly Participant[], n: number): Participant[] {
  const leader = pool[n % POOL.leaders]!;
  const others = pool.filter((p) => p !== leader);
  const start = (n * 2) % others.length;
  const rotated = [...others.slice(start), ...others.slice(0, start)];
  return [leader, ...rotated.slice(0, PANEL_SIZE - 1)];
}
