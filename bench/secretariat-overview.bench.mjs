// The secretariat's comprehensive review at scale: 10 cycles × 40 applicants,
// each with a panel return of 7 experts × 23 items × 10 notes, stored as the app stores them.
// Measures, in Chromium, the time from a click on the overview tab to the table showing every
// applicant of the cycle with its total, and the same after a cold page load.
/* global window, document, indexedDB, MutationObserver -- functions passed to page.evaluate run in the browser */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../renderer/serve.mjs';
import { benchPort, CHROMIUM_ARGS, CHROMIUM_PATH, percentile } from './chromium-support.mjs';

const PORT = benchPort(5297);
const CYCLES = 10;
const APPLICANTS = 40;
const EXPERTS = 7;
const NOTES_PER_ITEM = 10;
const OPENS = 15;

export const IDS = ['overview.median', 'overview.p95', 'overview.firstAfterLoadMedian', 'overview.seedS'];


/** Runs in the page: writes the secretariat's tables straight into the app's IndexedDB (schema v4). */
async function seedInPage({ cycles, applicants, experts, notesPerItem }) {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('zqa');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const categories = [['4.1', ['4.1.2', '4.1.3', '4.1.4']], ['4.2', ['4.2.2', '4.2.3']], ['4.3', ['4.3.2', '4.3.3']], ['4.4', ['4.4.2', '4.4.3', '4.4.4', '4.4.5', '4.4.6', '4.4.7']], ['4.5', ['4.5.2', '4.5.3']], ['4.6', ['4.6.2', '4.6.3']], ['4.7', ['4.7.2', '4.7.3', '4.7.4', '4.7.5', '4.7.6', '4.7.7']]];
  const points = { '4.1.2': 50, '4.1.3': 30, '4.1.4': 30, '4.2.2': 40, '4.2.3': 50, '4.3.2': 40, '4.3.3': 50, '4.4.2': 60, '4.4.3': 15, '4.4.4': 20, '4.4.5': 15, '4.4.6': 10, '4.4.7': 10, '4.5.2': 50, '4.5.3': 50, '4.6.2': 40, '4.6.3': 40, '4.7.2': 80, '4.7.3': 80, '4.7.4': 80, '4.7.5': 60, '4.7.6': 50, '4.7.7': 50 };
  const items = categories.flatMap(([, ids]) => ids);
  const at = '2026-06-01T08:00:00.000Z';
  const stamp = { updatedAt: at, updatedBy: '秘书处' };
  const sentence = '现场查阅了质量例会纪要和关键过程控制记录，访谈了相关负责人，证据表明该做法已在主要部门展开并定期评价改进。';
  const unchecked = (ids) => Object.fromEntries(ids.map((id) => [id, { status: 'met', evidence: '' }]));
  const tx0 = db.transaction(['deviceProfile'], 'readwrite');
  tx0.objectStore('deviceProfile').put({ id: 'device', name: '秘书处', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat', keyId: '', fingerprint: '', createdAt: at, updatedAt: at });
  await done(tx0);
  let notes = 0;
  for (let c = 1; c <= cycles; c++) {
    const cycleId = `cycle-${c}`;
    const tx = db.transaction(['secCycles', 'secApplicants', 'secSummaries', 'secPanelReturns'], 'readwrite');
    tx.objectStore('secCycles').put({
      id: cycleId, createdAt: at, ...stamp,
      cycle: { id: cycleId, ordinal: c, year: 2006 + 2 * c, name: `第${c}届郑州市市长质量奖`, criteriaSetId: 'GBT19580-2012', rules: { awardQuota: 5, nominationQuota: 5, awardThresholdPoints: 500, divergenceLimitPoints: 20, panelSizeMin: 5, panelSizeMax: 7, awardValidityYears: 4, publicNoticeMinDays: 7, reservations: [] } },
    });
    for (let a = 1; a <= applicants; a++) {
      const applicantId = `c${c}-a${a}`;
      const name = `郑州第${c}届申报单位${String(a).padStart(2, '0')}有限公司`;
      const percentOf = (item, m) => Math.min(100, 5 * ((a * 7 + item.length * 3 + m * 11 + c) % 15) + 20);
      const consensus = Object.fromEntries(items.map((id) => [id, percentOf(id, 0)]));
      const subtotals = Object.fromEntries(categories.map(([cat, ids]) => [cat, ids.reduce((s, id) => s + points[id] * consensus[id], 0)]));
      const total = Object.values(subtotals).reduce((s, v) => s + v, 0);
      tx.objectStore('secApplicants').put({
        id: applicantId, cycleId, ...stamp,
        record: {
          cycleId, stage: 'on-site', history: [], onSiteTotalHundredths: total,
          profile: { id: applicantId, name, creditCode: '91410100MA44XNTK54', industry: ['装备制造', '现代物流', '食品加工', '电子信息'][a % 4], address: '郑州市', contact: { name: '王', phone: '0371-66668888' } },
          eligibility: unchecked(['registered-zhengzhou', 'legal-person', 'licensed', 'operating-3-years', 'excellence-model-1-year', 'industry-leading', 'quality-infrastructure', 'recommended']),
          exclusions: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [n, { status: a % 17 === 0 && n === 5 ? 'confirmed' : 'clear', evidence: '' }])),
        },
      });
      const members = Array.from({ length: experts }, (_, m) => ({ name: `评审员${m + 1}`, leader: m === 0, percentByItem: Object.fromEntries(items.map((id) => [id, percentOf(id, m)])) }));
      const panelId = `panel-${applicantId}`;
      tx.objectStore('secSummaries').put({
        cycleId, applicantId, panelId, returnPackageId: `p${c}x${a}`, updatedAt: at,
        result: { applicantId, name, industry: ['装备制造', '现代物流', '食品加工', '电子信息'][a % 4], totalHundredths: total, categorySubtotals: subtotals, exclusions: [], recommendation: total >= 50000 ? 'award' : 'nomination', divergenceNotes: a % 3 === 0 ? ['4.4.2 人力资源：成员评分40%–70%（跨度30个百分点），共识55%'] : [] },
        itemScores: { applicantName: name, members, consensusPercentByItem: consensus },
      });
      // The return as stored: every member's scoresheet with 10 notes per item.
      const scoresheets = members.map((m, k) => ({
        cycleId, applicantId, panelId, expertKeyId: `${k}`.padStart(32, '0'), criteriaSetId: 'GBT19580-2012',
        items: items.map((id) => ({
          itemId: id, percent: m.percentByItem[id],
          strengths: Array.from({ length: notesPerItem / 2 }, (_, n) => ({ id: `s${n}`, text: `${n + 1}. ${sentence}` })),
          ofis: Array.from({ length: notesPerItem / 2 }, (_, n) => ({ id: `o${n}`, text: `${n + 1}. ${sentence}` })),
        })),
        observations: [], attachments: [], siteIssues: [], exclusions: [], declaration: { noConflict: true, statement: '无利害关系', conflicts: '', declaredAt: at }, history: [], submittedAt: at,
      }));
      notes += experts * items.length * notesPerItem;
      tx.objectStore('secPanelReturns').put({
        id: `p${c}x${a}`, seriesId: `panel-return/${panelId}/leader`, cycleId, applicantId, panelId, revision: 1, manifestSha256: '0'.repeat(64),
        content: { cycleId, applicantId, panelId, scoresheets: [], countersignatures: [], returnedAt: at }, scoresheets,
        reportPdf: new Blob([new Uint8Array(200_000)], { type: 'application/pdf' }), reportSha256: '0'.repeat(64), fileName: 'panel-return.zqa', receivedAt: at, receivedBy: '秘书处', current: true,
      });
    }
    await done(tx);
  }
  db.close();
  return { notes };
}

/** From a click on the overview tab to every applicant's row on screen with its total. */
async function openOverview(page, applicants) {
  return page.evaluate((n) => new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('[data-testid="overview-table"] [data-testid^="overview-"]').length >= n && document.querySelector('[data-testid="overview-table"] [data-testid^="total-"]')) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.querySelector('[data-testid="tab-overview"]').click();
  }), applicants);
}

export default async function secretariatOverviewBench({ root }) {
  const server = await startServer({ port: PORT, root: join(root, 'dist/renderer') });
  const profile = await mkdtemp(join(tmpdir(), 'zqa-bench-sec-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 1000 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByTestId('workspace-identity').waitFor();
    const started = Date.now();
    const seeded = await page.evaluate(seedInPage, { cycles: CYCLES, applicants: APPLICANTS, experts: EXPERTS, notesPerItem: NOTES_PER_ITEM });
    const seedSeconds = (Date.now() - started) / 1000;
    await page.evaluate(() => {
      window.localStorage.setItem('zqa.workspace', 'secretariat');
      window.localStorage.setItem('zqa.secretariat.cycle', 'cycle-5');
    });
    const cold = [];
    const warm = [];
    for (let i = 0; i < OPENS; i++) {
      await page.goto(`${server.url}?load=${i}#/`);
      await page.getByTestId('tab-rules').waitFor();
      cold.push(await openOverview(page, APPLICANTS));
      await page.getByTestId('tab-applicants').click();
      await page.getByTestId('applicants-table').waitFor();
      warm.push(await openOverview(page, APPLICANTS));
    }
    const rows = await page.locator('[data-testid="overview-table"] [data-testid^="overview-"]').count();
    if (rows !== APPLICANTS) throw new Error(`the overview shows ${rows} applicants, expected ${APPLICANTS}`);
    const all = [...cold, ...warm];
    const scale = `${CYCLES} cycles × ${APPLICANTS} applicants × ${EXPERTS} experts × 23 items, ${NOTES_PER_ITEM} notes each (${seeded.notes} notes)`;
    return [
      { id: 'overview.median', name: `secretariat overview open, median (${scale})`, value: percentile(all, 50), unit: 'ms' },
      { id: 'overview.p95', name: `secretariat overview open, p95 (${OPENS * 2} opens)`, value: percentile(all, 95), unit: 'ms' },
      { id: 'overview.firstAfterLoadMedian', name: 'secretariat overview open, first after a page load, median', value: percentile(cold, 50), unit: 'ms' },
      { id: 'overview.seedS', name: 'secretariat overview benchmark: seeding the database', value: seedSeconds, unit: 's' },
    ];
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}
