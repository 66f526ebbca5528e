// First: zod must be told not to probe `new Function` before any schema is built (CSP).
import './boot/zod-jitless.js';
// Then: the journal's host is started, while the rest of this code is evaluated.
import './boot/journal-early.js';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SETTINGS } from '../../shared/bridge/contract.js';
import { App } from './app/app.js';
import { primeFirstScreen } from './app/first-screen.js';
import { loadScreenOfRoute } from './app/later-screens.js';
import { parseRoute } from './app/use-route.js';
import { getHost } from './host/get-host.js';
import { initI18n } from './i18n/i18n.js';
import { watchForHeldData } from './workspaces/backup/store/wipe-guard.js';
import { getDatabase, unjournaledConnections } from './db/database.js';
import { appJournalLink, recoverAtStart } from './journal/app-journal.js';
import type { RecoveryOutcome } from './journal/index-recovery.js';
import './styles/app.css';

/** How long the first render waits for the first screen's reads at most. */
const FIRST_SCREEN_WAIT_MS = 1000;
/** A recovery that takes longer than this says what the page is doing. */
const RECOVERY_SHOWN_AFTER_MS = 300;

/**
 * The database is put level with the journal before anything reads it (a database Chromium
 * emptied is rebuilt here, index-recovery.ts); a long one says so on the still-empty page.
 */
async function recover(): Promise<RecoveryOutcome | null> {
  getDatabase(); // attaches the journal to the app's connection (it opens on the first read)
  const link = appJournalLink();
  if (!link) return null;
  const shown = setTimeout(() => {
    const root = document.getElementById('root');
    if (root && !root.hasChildNodes()) root.textContent = '正在从操作日志恢复本机数据… Restoring this device’s data from the journal…';
  }, RECOVERY_SHOWN_AFTER_MS);
  try {
    return await recoverAtStart(link, unjournaledConnections);
  } finally {
    clearTimeout(shown);
  }
}

/** The first screen's reads, for a moment at most (a database that does not answer must not keep the page blank). */
const primeBriefly = () => Promise.race([primeFirstScreen().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);

async function start(): Promise<void> {
  // User Timing: when the app's own code starts, after every chunk is fetched and parsed.
  performance.mark('zqa:boot');
  // The screen of the route's chunk is fetched while the database is made ready.
  loadScreenOfRoute(parseRoute(window.location.hash));
  // A recovery that throws has already been reported as failed; the app still starts.
  const recovered = recover().catch(() => null);
  // The first screen's reads (keys included) start once the database is level with the
  // journal, alongside the settings, and the first render waits for them so it shows the
  // review at once. Not before: on an emptied database they would seed the demo review and
  // open the connection while the recovery rebuilds or deletes it. The held-data watch looks
  // only after the recovery too: a database rebuilt from the journal is not an emptied one.
  const primed = recovered.then(() => {
    watchForHeldData(getDatabase());
    return primeBriefly();
  });
  const [loaded] = await Promise.all([getHost().settings.get(), primed]);
  // Settings are a convenience: if the host cannot read them, start with the defaults.
  const settings = loaded.ok ? loaded.value : DEFAULT_SETTINGS;
  initI18n(settings.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  root.textContent = '';
  createRoot(root).render(<App initialSettings={settings} />);
}

void start();
