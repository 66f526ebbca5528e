import { testPort } from './support/ports.js';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyHistoryChain } from '../../shared/history/hash-chain.js';
import { startServer, type RunningServer } from '../../renderer/serve.mjs';
import { openItem, savedCount, screenshot, signNoConflict, waitForSaved } from './support/app.js';
import { browserPidOf, freshProfileDir, openProfile } from './support/chromium.js';
import { dumpDatabase } from './support/dump-database.js';
import { waitForExit } from './support/chromium.js';

const PORT = testPort(5284);
const ROUNDS = 6;
const ITEMS = ['4.2.2', '4.3.3', '4.4.2', '4.5.3', '4.6.2', '4.1.3'];
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({ port: PORT });
  dir = await freshProfileDir('faults-crash');
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What the item page showed at a moment its indicator said "saved" with nothing pending. */
interface ShownSaved {
  itemId: string;
  historyShown: number;
  notesShown: string[];
}

/** Runs in the page: on each "saved" with nothing pending, report what the screen shows. */
function reportWhatIsShownSaved(): void {
  const report = (window as unknown as { __zqaShown: (s: ShownSaved) => void }).__zqaShown;
  new MutationObserver(() => {
    const indicator = document.querySelector<HTMLElement>('[data-testid="save-state"]');
    const page = document.querySelector<HTMLElement>('[data-testid="item-page"]');
    if (indicator?.dataset.state !== 'saved' || !page) return;
    const label = page.querySelector('[data-testid="score-history"] .ant-collapse-title')?.textContent ?? '';
    report({
      itemId: page.dataset.itemId ?? '',
      historyShown: Number(/(\d+)/.exec(label)?.[1] ?? 0),
      notesShown: [...page.querySelectorAll('[data-testid="notes-ofi"] [data-testid="note-text"]')].map((n) => n.textContent ?? ''),
    });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

type Row = Record<string, unknown>;

describe('SIGKILL of the browser at random moments during rapid editing', () => {
  it('leaves every transaction whole (score ⇔ history entry, chain verifies) and keeps all the UI showed as saved', async () => {
    const shown = new Map<string, ShownSaved>();
    let noteNo = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const itemId = ITEMS[round % ITEMS.length]!;
      const { context, page } = await openProfile(dir, 'about:blank');
      await context.exposeFunction('__zqaShown', (s: ShownSaved) => {
        const prev = shown.get(s.itemId);
        shown.set(s.itemId, { itemId: s.itemId, historyShown: Math.max(prev?.historyShown ?? 0, s.historyShown), notesShown: [...new Set([...(prev?.notesShown ?? []), ...s.notesShown])] });
      });
      await page.addInitScript(reportWhatIsShownSaved);
      if (round === 0) {
        await page.goto(server.url);
        await signNoConflict(page);
      }
      await page.goto(`${server.url}#/item/${itemId}`);
      await openItem(page, itemId).catch(async (e: unknown) => {
        await screenshot(page, `faults-crash-round-${round}`);
        throw e;
      });
      const before = await savedCount(page);
      await page.keyboard.press('4');
      await page.keyboard.press('2'); // 55%
      await waitForSaved(page, before);

      // A burst of edits, not waiting for any, and a kill at a moment chosen at random in it.
      const killAfter = 150 + Math.floor(Math.random() * 900);
      const started = Date.now();
      const burst = (async () => {
        for (let i = 0; Date.now() - started < 3000; i++) {
          if (i % 7 === 6) {
            noteNo += 1;
            await page.getByTestId('note-input-ofi').fill(`崩溃测试记录 ${noteNo}`);
            await page.getByTestId('note-input-ofi').press('Control+Enter');
            await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          } else {
            await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
          }
        }
      })().catch(() => undefined); // the kill ends it mid-keystroke
      await new Promise((r) => setTimeout(r, killAfter));
      const pid = browserPidOf(dir);
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid);
      await burst;
      await context.close().catch(() => undefined);
    }

    const { context, page } = await openProfile(dir, server.url);
    await page.getByTestId('review-overview').waitFor().catch(async (e: unknown) => {
      await screenshot(page, 'faults-crash-after');
      throw e;
    });
    const db = await dumpDatabase(page);
    await context.close();

    const history = (db['history'] as Row[]).sort((a, b) => Number(a['seq']) - Number(b['seq']));
    const chain = await verifyHistoryChain(history.map(({ reviewId: _, ...entry }) => entry));
    expect(chain.ok, JSON.stringify(chain)).toBe(true);
    // Score ⇔ its history entry: each item's stored percent is the last value its history records.
    const lastTo = new Map<string, unknown>();
    for (const h of history) lastTo.set(String(h['itemId']), h['to']);
    const scores = new Map((db['itemScores'] as Row[]).map((s) => [String(s['itemId']), s['percent']]));
    for (const itemId of new Set([...lastTo.keys(), ...scores.keys()])) expect([itemId, scores.get(itemId) ?? null]).toEqual([itemId, lastTo.get(itemId) ?? null]);
    // Everything the screen showed as saved survived.
    expect(shown.size).toBeGreaterThan(0);
    const notes = new Set((db['notes'] as Row[]).map((n) => String(n['text'])));
    for (const s of shown.values()) {
      expect(history.filter((h) => h['itemId'] === s.itemId).length).toBeGreaterThanOrEqual(s.historyShown);
      for (const text of s.notesShown) expect(notes.has(text), text).toBe(true);
    }
    expect(history.length).toBeGreaterThan(ROUNDS * 3);
  });
});
