import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_REVIEW_ID } from '../../shared/demo/demo-review.js';
import { acknowledgeWipedDatabase, detectWipedDatabase, watchForHeldData } from '../../renderer/src/workspaces/backup/store/wipe-guard.js';
import type { ZqaDatabase } from '../../renderer/src/db/database.js';
import { seedDemoIfEmpty } from '../../renderer/src/db/seed-demo.js';
import { setItemScore } from '../../renderer/src/workspaces/expert/store/score-writes.js';
import { freshDatabase, testContext } from './db-test-helpers.js';

// The page's localStorage, which Chromium keeps apart from IndexedDB.
const stored = new Map<string, string>();
const localStorage = {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => void stored.set(k, v),
  removeItem: (k: string) => void stored.delete(k),
};

let db: ZqaDatabase;
let unwatch: () => void;
beforeEach(() => {
  stored.clear();
  (globalThis as { window?: unknown }).window = { localStorage };
  db = freshDatabase();
  unwatch = watchForHeldData(db);
});
afterEach(() => {
  unwatch();
  db.close();
  delete (globalThis as { window?: unknown }).window;
});

describe('noticing a database emptied behind the app', () => {
  it('says nothing on a first start, when only the demo review was seeded', async () => {
    await seedDemoIfEmpty(db);
    // Give the watcher's check of what is there its time, then look.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await detectWipedDatabase(db)).toBeNull();
    expect(stored.size).toBe(0);
  });

  it('says nothing while the data is there', async () => {
    await seedDemoIfEmpty(db);
    await setItemScore(testContext(db), DEMO_REVIEW_ID, '4.1.2', 55);
    await expect.poll(() => stored.get('zqa.database.heldData')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await detectWipedDatabase(db)).toBeNull();
  });

  it('says so when the marker says the database held data and it holds none, until acknowledged', async () => {
    await seedDemoIfEmpty(db);
    await setItemScore(testContext(db), DEMO_REVIEW_ID, '4.1.2', 55);
    await expect.poll(() => stored.get('zqa.database.heldData')).toBeDefined();
    const at = stored.get('zqa.database.heldData');
    // What Chromium's recovery leaves: every table empty; the app then seeds the demo again.
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    await seedDemoIfEmpty(db);
    expect(await detectWipedDatabase(db)).toEqual({ heldDataAt: at });
    acknowledgeWipedDatabase();
    expect(await detectWipedDatabase(db)).toBeNull();
  });
});
