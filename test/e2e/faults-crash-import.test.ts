import { testPort } from './support/ports.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import { DEFAULT_ROOT, startServer, type RunningServer } from '../../renderer/serve.mjs';
import { screenshot } from './support/app.js';
import { browserPidOf, freshProfileDir, openProfile, waitForExit, type Profile } from './support/chromium.js';
import { readImportState, type ImportState } from './support/import-state.js';
import { seededPhotos, writeAssignment, writeScoresheet, type ImportRound } from './support/import-rounds.js';
import { deviceCard, openFileWith, openWorkspace, setUpDevice, writeTemp } from './support/leader-panel.js';

/**
 * Crash consistency during an import: the browser is SIGKILLed at a random moment
 * between choosing a package file and the success message (verify → decrypt → validate →
 * one Dexie transaction), the same profile is started again, and the database must hold the
 * package wholly (received row, assignment/review or member scoresheet, every attachment
 * byte for byte) or not at all. Absent: importing again succeeds. Present: importing again
 * says "already imported" and changes nothing.
 */
const PORT = testPort(5286); // its own origin: no other test's profiles meet these
/** Another build can be checked the same way (e.g. one with a deliberately split apply). */
const SOURCE = process.env.ZQA_E2E_ROOT ?? DEFAULT_ROOT;
const SEED = Number(process.env.ZQA_CRASH_SEED ?? Date.now() % 1_000_000);
const SHEET_ROUNDS = 5; // panels hold at most 7: the leader, these five, one for calibration
const SUPERSEDE_ROUNDS = 2;
const PHOTOS = 20;
const PHOTO_BYTES = 256 * 1024; // 20 × 256 KiB of incompressible "photos": a ~5 MB package

let server: RunningServer;
const dirs: string[] = [];
let live: Profile | null = null;

beforeAll(async () => {
  if (SOURCE === DEFAULT_ROOT && !existsSync(join(DEFAULT_ROOT, 'index.html'))) {
    execFileSync('npm', ['run', 'build:renderer'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, stdio: 'inherit' });
  }
  // A copy of the built renderer: another engineer may rebuild dist/ while this runs.
  const root = await freshProfileDir('crash-import-renderer');
  dirs.push(root);
  await cp(SOURCE, root, { recursive: true });
  if (!existsSync(join(root, 'index.html'))) throw new Error(`no built renderer in ${SOURCE}`);
  server = await startServer({ port: PORT, root });
});
afterAll(async () => {
  await live?.context.close().catch(() => undefined);
  await server?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

type RoundClass = 'assignment' | 'scoresheet' | 'revision';
const classOf = (r: ImportRound): RoundClass => (r.kind === 'assignment' ? 'assignment' : r.revision > 1 ? 'revision' : 'scoresheet');

async function launch(dir: string): Promise<Page> {
  live = await openProfile(dir, server.url);
  return live.page;
}

async function closeGracefully(): Promise<void> {
  await live?.context.close();
  live = null;
}

/** Every process of the profile's browser that names its user-data dir (the browser and its helpers). */
function profilePids(dir: string): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((e) => {
    try {
      return readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').includes(`--user-data-dir=${dir}`);
    } catch {
      return false;
    }
  }).map(Number);
}

/**
 * A crash of the whole browser: SIGKILL to the browser process; helpers it leaves behind
 * for a moment (they die when they notice) are waited for, so the next start meets no
 * process of the old one holding the profile.
 */
async function killBrowser(dir: string): Promise<void> {
  const pid = browserPidOf(dir);
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid);
  for (const helper of profilePids(dir)) await waitForExit(helper).catch(() => process.kill(helper, 'SIGKILL'));
  await live?.context.close().catch(() => undefined);
  live = null;
}

/** Opens the review workspace where the round's import button is (the led panel for scoresheets). */
async function showImportButton(page: Page, round: ImportRound): Promise<string> {
  await openWorkspace(page, 'review');
  await page.getByTestId('packages-bar').waitFor();
  if (round.kind === 'assignment') return 'import-assignment';
  const button = page.getByTestId('import-scoresheets');
  // Which review shows is remembered in localStorage, which a kill may not have flushed.
  if (!(await button.isVisible())) {
    await page.getByTestId('review-switcher').click();
    await page.getByTestId(`review-option-${round.query.reviewId}`).click();
  }
  await button.waitFor();
  return 'import-scoresheets';
}

/**
 * Wholly there (every row, every attachment matching the signed content; a new revision has
 * also moved the older sheet to the history and marked its row superseded) or wholly absent.
 */
function wholeness(s: ImportState, round: ImportRound): 'present' | 'absent' {
  const isSheet = round.kind === 'scoresheet';
  const superseding = round.query.previousPackageId !== null;
  const parts = !isSheet
    ? [s.received !== null, s.assignment !== null, s.review]
    : [s.received !== null, s.sheet?.revision === round.revision, ...(superseding ? [s.previous?.supersededBy != null, s.sheetHistory === 1] : [])];
  const shown = JSON.stringify({ ...s, counts: undefined, sheet: s.sheet && { ...s.sheet, attachments: Object.keys(s.sheet.attachments).length } });
  if (parts.every((p) => !p)) {
    expect(s.sheetHistory, shown).toBe(0);
    // Absent: the revision before it is still the current one, untouched.
    if (superseding) expect(s.sheet?.manifestSha256, shown).toBe(s.previous?.manifestSha256);
    return 'absent';
  }
  expect(parts, `part of the ${round.kind} (revision ${round.revision}) is stored: ${shown}`).toEqual(parts.map(() => true));
  expect(s.received).toMatchObject({ bytesSha256: round.fileSha256, type: round.kind, reviewId: round.query.reviewId, supersededBy: null });
  const manifestSha256 = s.received!.manifestSha256;
  if (isSheet) {
    expect(s.sheet).toMatchObject({ manifestSha256, revision: round.revision, packageSha256: round.fileSha256 });
    const want = Object.fromEntries(Object.entries(round.attachments).map(([id, a]) => [id, { size: a.size, sha256: a.sha256 }]));
    const got = Object.fromEntries(Object.entries(s.sheet!.attachments).map(([id, a]) => [id, 'unreadable' in a ? a : { size: a.size, sha256: a.sha256 }]));
    expect(got).toEqual(want);
    expect(s.sheetHistory).toBe(superseding ? 1 : 0);
    if (superseding) expect(s.previous?.supersededBy).toBe(manifestSha256);
  } else {
    expect(s.assignment).toEqual({ manifestSha256 });
  }
  return 'present';
}

/** Imports the round's file through the UI and waits for the outcome; returns its kind and how long it took. */
async function importOnce(page: Page, round: ImportRound): Promise<{ outcome: string; ms: number }> {
  const button = await showImportButton(page, round);
  await openFileWith(page, () => page.getByTestId(button).click(), round.file);
  const started = Date.now(); // as the kill's delay is counted: from the file chosen
  const outcome = page.getByTestId('import-outcome').last();
  await outcome.waitFor({ timeout: 30_000 });
  return { outcome: (await outcome.getAttribute('data-outcome')) ?? '', ms: Date.now() - started };
}

describe('SIGKILL of the browser at random moments during package imports', () => {
  it('leaves each import wholly applied or wholly absent, and importing again completes or says duplicate', async () => {
    const random = seededRandom(SEED);
    console.log(`faults-crash-import: seed ${SEED} (ZQA_CRASH_SEED=${SEED} repeats the kill delays and the photos)`);
    const work = await freshProfileDir('crash-import-files');
    const dir = await freshProfileDir('crash-import-profile');
    dirs.push(work, dir);

    // The secretariat and six panel members are simulated in Node with the real shared code;
    // the leader's laptop is the browser profile (a leader is an expert who also receives sheets).
    const secretariat = await createParticipant({ name: '秘书处王芳', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
    const members: Participant[] = await Promise.all(
      Array.from({ length: SHEET_ROUNDS + 1 }, (_, i) => createParticipant({ name: `专家${i + 1}`, organisation: '河南省质量协会', role: 'expert' })),
    );
    const cardPackage = await writeCardPackage(secretariat, new Date());
    if (!cardPackage.ok) throw new Error(cardPackage.error.en);
    const cardFile = await writeTemp(work, '身份卡-秘书处.zqa', cardPackage.value.bytes);
    let page = await launch(dir);
    await setUpDevice(page, '李建国', '郑州大学', cardFile);
    const leader = await deviceCard(page, '李建国', '郑州大学');
    await closeGracefully();

    const now = new Date();
    const panel = await writeAssignment(work, random, secretariat, leader, members, 1, now);
    const sheets: ImportRound[] = [];
    const sheetOf = (m: Participant, previous: ImportRound | null = null) =>
      writeScoresheet(work, random, panel.assignment, m, seededPhotos(random, PHOTOS, PHOTO_BYTES), now, previous);
    for (const m of members) sheets.push(await sheetOf(m));
    // Second revisions from two members: their import also supersedes the first (three tables).
    const revisions: ImportRound[] = [];
    for (const [i, first] of sheets.slice(0, SUPERSEDE_ROUNDS).entries()) revisions.push(await sheetOf(members[i]!, first));
    for (const s of [...sheets, ...revisions]) expect((await stat(s.file)).size).toBeGreaterThan(PHOTOS * PHOTO_BYTES);
    // One import of each class (assignment, first scoresheet, superseding revision), not killed,
    // in a freshly started browser as in the rounds: its time to the success message is the
    // window the kills of that class are drawn from.
    const calibrationSheet = sheets.pop()!;
    const calibration: Record<RoundClass, ImportRound> = {
      assignment: (await writeAssignment(work, random, secretariat, leader, members, 2, now)).round,
      scoresheet: calibrationSheet,
      revision: await sheetOf(members[SHEET_ROUNDS]!, calibrationSheet),
    };
    const killWindow: Record<RoundClass, number> = { assignment: 0, scoresheet: 0, revision: 0 };
    const calibrate = async (c: RoundClass) => {
      page = await launch(dir);
      const clean = await importOnce(page, calibration[c]);
      expect(clean.outcome).toBe(calibration[c].kind);
      expect(wholeness(await readImportState(page, calibration[c].query), calibration[c])).toBe('present');
      killWindow[c] = clean.ms;
      console.log(`calibration (${c}): imported in ${clean.ms} ms`);
      await closeGracefully();
    };

    const seen: string[] = [];
    for (const [n, round] of [panel.round, ...sheets, ...revisions].entries()) {
      const c = classOf(round);
      if (killWindow[c] === 0) await calibrate(c);
      page = await launch(dir);
      const button = await showImportButton(page, round);
      const killAfter = Math.floor(random.next() * killWindow[c]);
      await openFileWith(page, () => page.getByTestId(button).click(), round.file);
      await new Promise((r) => setTimeout(r, killAfter));
      const shownBeforeKill = await page.getByTestId('import-outcome').getAttribute('data-outcome', { timeout: 20 }).catch(() => null);
      await killBrowser(dir);

      page = await launch(dir);
      await page.getByTestId('device-badge').waitFor().catch(async (e: unknown) => {
        await screenshot(page, `faults-crash-import-round-${n + 1}`);
        throw new Error(`the app did not start again after the kill (page errors: ${JSON.stringify(live?.errors)})`, { cause: e });
      }); // the app is up (its database opened)
      const after = await readImportState(page, round.query);
      const state = wholeness(after, round);
      // What the person was told was imported must be there.
      if (shownBeforeKill !== null) {
        expect(shownBeforeKill).toBe(round.kind);
        expect(state).toBe('present');
      }
      const again = await importOnce(page, round);
      if (state === 'absent') {
        expect(again.outcome).toBe(round.kind);
        expect(wholeness(await readImportState(page, round.query), round)).toBe('present');
      } else {
        expect(again.outcome).toBe('duplicate');
        expect(await readImportState(page, round.query)).toEqual(after);
      }
      seen.push(state);
      console.log(`round ${n + 1} (${round.kind} revision ${round.revision}): killed ${killAfter} ms after choosing the file${shownBeforeKill ? ', after the success message' : ''}; after restart ${state}; import again: ${again.outcome} in ${again.ms} ms`);
      await closeGracefully();
    }
    expect(seen).toHaveLength(1 + SHEET_ROUNDS + SUPERSEDE_ROUNDS);
    // Room for sixteen browser starts and two calibrations on a loaded 2-core machine (each
    // start took up to 15 s at a load of 15); how fast an import is, is the bench's business.
  }, 360_000);
});
