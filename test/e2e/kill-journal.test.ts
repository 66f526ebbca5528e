import { testPort } from './support/ports.js';
import { cp, rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParticipant, writeCardPackage, type Participant } from '../../cli/lib/demo-participant.js';
import { seededRandom } from '../../cli/lib/seeded-random.js';
import type { IdentityCard } from '../../shared/identity/identity-card.js';
import { DEFAULT_ROOT, startServer, type RunningServer } from '../../renderer/serve.mjs';
import { screenshot } from './support/app.js';
import { browserPidOf, deleteIndexedDb, freshProfileDir, openProfile, waitForExit, type Profile } from './support/chromium.js';
import { checkState, readStoredState } from './support/kill-check.js';
import { emptyShown, watchShown } from './support/kill-shown.js';
import { writeAssignment } from './support/import-rounds.js';
import { deviceCard, openFileWith, openWorkspace, setUpDevice, writeTemp } from './support/leader-panel.js';
import { makePng } from './support/png.js';

/**
 * Nothing acknowledged is lost, even when Chromium loses its database: the browser is
 * SIGKILLed at a random moment while the expert scores, types notes, adds photos or imports
 * a package, and after a share of the kills the origin's IndexedDB folder is deleted as
 * Chromium's corruption recovery does. After each restart, everything the screen showed as
 * saved (已保存) is there, the history chains verify, every stored score is the last value of
 * its history, and every import is whole. The counts are printed.
 *
 * ZQA_KILLS sets the number of kills: 40 by default, so `npm test` stays inside CI's ten-minute
 * budget for it on a 2-core machine (a kill and restart takes 6–21 s there, by load);
 * `ZQA_KILLS=200` for the long run (tune the count, never the checks). ZQA_KILL_SEED replays a
 * run's choices.
 */
const PORT = testPort(5287);
const KILLS = Number(process.env.ZQA_KILLS ?? 40);
const SEED = Number(process.env.ZQA_KILL_SEED ?? Date.now() % 1_000_000);
const WIPE_SHARE = 0.25;
const TRACE = process.env.ZQA_KILL_TRACE === '1';
const trace = (what: string, since: number) => TRACE && console.log(`  ${what}: ${Date.now() - since} ms`);
const ITEMS = ['4.1.2', '4.2.2', '4.3.3', '4.4.2', '4.5.3', '4.6.2'];
const KINDS = ['score', 'score', 'score', 'notes', 'notes', 'attachment', 'attachment', 'import'] as const;
type RoundKind = (typeof KINDS)[number];

let server: RunningServer;
const dirs: string[] = [];
let live: Profile | null = null;

beforeAll(async () => {
  // A copy of the built renderer: another test run may rebuild dist/ meanwhile.
  const root = await freshProfileDir('kill-renderer');
  dirs.push(root);
  await cp(DEFAULT_ROOT, root, { recursive: true });
  server = await startServer({ port: PORT, root });
});
afterAll(async () => {
  await live?.context.close().catch(() => undefined);
  await server?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The expert workspace, whichever review it shows: a review just imported is signed for first. */
async function reachReview(page: Page): Promise<void> {
  const gate = page.getByTestId('declaration-gate');
  const ready = page.locator('[data-testid="review-overview"], [data-testid="item-page"]');
  const either = page.locator('[data-testid="declaration-gate"], [data-testid="review-overview"], [data-testid="item-page"]');
  await page.locator('[data-testid="device-badge"], [data-testid="declaration-gate"]').first().waitFor({ timeout: 30_000 });
  // Another workspace remembered from before: the expert's review is a menu click away.
  if (!(await either.first().isVisible())) await openWorkspace(page, 'review');
  await either.first().waitFor({ timeout: 30_000 });
  if (await gate.isVisible()) {
    await page.getByTestId('confidentiality').click();
    await page.getByTestId('no-conflict').click();
    await page.getByTestId('sign-declaration').click();
    await ready.first().waitFor();
  }
}

async function openItemPage(page: Page, itemId: string): Promise<void> {
  await page.goto(`${server.url}#/item/${itemId}`);
  await reachReview(page);
  await page.locator(`[data-testid="item-page"][data-item-id="${itemId}"]`).waitFor({ timeout: 30_000 });
}

describe('SIGKILL of the browser at random moments, with its IndexedDB deleted after a share of them', () => {
  it('keeps every edit the screen showed as saved, whole, in every restart', { timeout: 60 * 60_000 }, async () => {
    const random = seededRandom(SEED);
    const started = Date.now();
    console.log(`kill-journal: ${KILLS} kills, seed ${SEED} (ZQA_KILL_SEED=${SEED} replays the choices)`);
    const work = await freshProfileDir('kill-files');
    const profile = await freshProfileDir('kill-profile');
    dirs.push(work, profile);

    // The secretariat and the other panel members in Node; this profile is an expert's laptop.
    const secretariat = await createParticipant({ name: '秘书处王芳', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat' });
    const members: Participant[] = await Promise.all(Array.from({ length: 4 }, (_, i) => createParticipant({ name: `专家${i + 1}`, organisation: '河南省质量协会', role: 'expert' })));
    const cardPackage = await writeCardPackage(secretariat, new Date());
    if (!cardPackage.ok) throw new Error(cardPackage.error.en);
    const cardFile = await writeTemp(work, '身份卡-秘书处.zqa', cardPackage.value.bytes);
    live = await openProfile(profile, server.url);
    await reachReview(live.page);
    await setUpDevice(live.page, '李建国', '郑州大学', cardFile);
    const card: IdentityCard = await deviceCard(live.page, '李建国', '郑州大学');
    await openWorkspace(live.page, 'review');
    await live.page.getByTestId('review-overview').waitFor();
    await live.context.close();
    live = null;

    const shown = emptyShown();
    const importsShown: string[] = [];
    const counts = { kills: 0, wipes: 0, rebuilt: 0, caughtUp: 0, imports: 0, importsShown: 0, rounds: {} as Record<RoundKind, number> };
    let lostTotal = 0;
    let noteNo = 0;
    let photoNo = 0;
    let applicant = 10;
    let wiped = false;

    const verify = async (page: Page, round: number) => {
      const { lost, broken } = await checkState(await readStoredState(page), shown, importsShown);
      lostTotal += lost.length;
      if (lost.length > 0 || broken.length > 0) {
        await screenshot(page, `kill-journal-round-${round}`);
        throw new Error(`after kill ${round} (seed ${SEED}): lost ${JSON.stringify(lost)}, broken ${JSON.stringify(broken)}`);
      }
    };

    for (let round = 0; round < KILLS; round++) {
      const kind = KINDS[Math.floor(random.next() * KINDS.length)]!;
      counts.rounds[kind] = (counts.rounds[kind] ?? 0) + 1;
      const itemId = ITEMS[round % ITEMS.length]!;
      const importsBefore = shown.importsShown;
      const t0 = Date.now();
      live = await openProfile(profile, 'about:blank');
      trace(`round ${round} (${kind}): launched`, t0);
      await watchShown(live.context, shown);
      const { page } = live;
      if (kind === 'import') {
        await page.goto(server.url);
        await reachReview(page);
      } else await openItemPage(page, itemId);
      // The notice renders with the shell, so it is there (or not) once the review is.
      const notice = (await page.getByTestId('journal-notice').count()) > 0 ? await page.getByTestId('journal-notice').getAttribute('data-kind') : null;
      if (notice === 'rebuilt') counts.rebuilt++;
      if (notice === 'caught-up') counts.caughtUp++;
      if (wiped) expect(notice, `the start after wipe ${counts.wipes} (round ${round})`).toBe('rebuilt');
      trace('  app shown', t0);
      await verify(page, round);
      trace('  verified', t0);

      // The activity, not awaited: the kill ends it mid-keystroke, mid-write, mid-import.
      let window = 200 + random.next() * 2000;
      let activity: Promise<unknown>;
      let importing: string | null = null;
      if (kind === 'import') {
        const assignment = await writeAssignment(work, random, secretariat, card, members, applicant++, new Date());
        importing = assignment.round.query.packageId;
        await openWorkspace(page, 'review');
        await page.getByTestId('import-assignment').waitFor();
        await openFileWith(page, () => page.getByTestId('import-assignment').click(), assignment.round.file);
        counts.imports++;
        window = 50 + random.next() * 2000;
        activity = page.getByTestId('import-outcome').last().waitFor({ timeout: 30_000 });
      } else if (kind === 'score') {
        activity = (async () => {
          // A band and a step first (an unscored item takes no arrows), then arrows.
          await page.keyboard.press('4');
          await page.keyboard.press(String(1 + (round % 4)));
          for (let i = 0; ; i++) await page.keyboard.press(i % 3 === 2 ? 'ArrowLeft' : 'ArrowRight');
        })();
      } else if (kind === 'notes') {
        activity = (async () => {
          for (;;) {
            const input = page.getByTestId(noteNo % 2 === 0 ? 'note-input-ofi' : 'note-input-strength');
            noteNo++;
            await input.fill(`第${noteNo}条记录：现场查阅了质量例会纪要和关键过程控制记录`);
            await input.press('Control+Enter');
          }
        })();
      } else {
        activity = (async () => {
          for (;;) {
            photoNo++;
            await page.getByTestId('attachment-input').setInputFiles({ name: `现场照片-${photoNo}.png`, mimeType: 'image/png', buffer: makePng(40 + (photoNo % 50), 30 + (photoNo % 20)) });
            await page.waitForTimeout(50);
          }
        })();
      }
      activity.catch(() => undefined);
      await new Promise((r) => setTimeout(r, window));
      trace('  killing', t0);
      const pid = browserPidOf(profile);
      process.kill(pid, 'SIGKILL');
      counts.kills++;
      await waitForExit(pid);
      await live.context.close().catch(() => undefined);
      live = null;
      if (importing && shown.importsShown > importsBefore) {
        importsShown.push(importing);
        counts.importsShown++;
      }
      trace('  exited', t0);
      wiped = random.next() < WIPE_SHARE;
      if (wiped) {
        expect(await deleteIndexedDb(profile)).toBeGreaterThan(0);
        counts.wipes++;
        // The browser host's device keys are kept beside the journal: the card written before
        // the wipe still addresses this device, and assignments for it must still import.
      }
    }

    // The last kill checked like the others.
    live = await openProfile(profile, 'about:blank');
    await live.page.goto(server.url);
    await reachReview(live.page);
    await verify(live.page, KILLS);
    await live.context.close();
    live = null;

    const edits = [...shown.history.values()].reduce((a, b) => a + b, 0) + shown.notes.size + shown.attachments.size + counts.importsShown;
    console.log(
      `kill-journal: ${counts.kills} SIGKILLs (${JSON.stringify(counts.rounds)}), ${counts.wipes} with the IndexedDB folder deleted; ` +
        `${counts.rebuilt} starts rebuilt the database from the journal, ${counts.caughtUp} caught up; ` +
        `${edits} edits shown as saved (${counts.importsShown} of ${counts.imports} imports reported done), ${lostTotal} lost; ` +
        `${Math.round((Date.now() - started) / 1000)} s, seed ${SEED}`,
    );
    expect(lostTotal).toBe(0);
    expect(counts.kills).toBe(KILLS);
    expect(edits).toBeGreaterThan(0);
  });
});
