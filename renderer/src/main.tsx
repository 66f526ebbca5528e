// First: zod must be told not to probe `new Function` before any schema is built (CSP).
import './boot/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SETTINGS } from '../../shared/bridge/contract.js';
import { App } from './app/app.js';
import { primeFirstScreen } from './app/first-screen.js';
import { loadScreenOfRoute } from './app/later-screens.js';
import { parseRoute } from './app/use-route.js';
import { getHost } from './host/get-host.js';
import { initI18n } from './i18n/i18n.js';
import { watchForHeldData } from './backup/wipe-guard.js';
import { getDatabase } from './db/database.js';
import './styles/app.css';

/** How long the first render waits for the first screen's reads at most. */
const FIRST_SCREEN_WAIT_MS = 1000;

async function start(): Promise<void> {
  // User Timing: when the app's own code starts, after every chunk is fetched and parsed.
  performance.mark('zqa:boot');
  watchForHeldData(getDatabase());
  loadScreenOfRoute(parseRoute(window.location.hash));
  // The first screen's reads (keys included) start now, alongside the settings, and the first
  // render waits for them so it shows the review at once. Only for a moment: a database that
  // does not answer (a blocked upgrade) must not keep the page blank; the screens then read
  // for themselves, and show a failure where it happens.
  const primed = Promise.race([primeFirstScreen().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
  const [loaded] = await Promise.all([getHost().settings.get(), primed]);
  // Settings are a convenience: if the host cannot read them, start with the defaults.
  const settings = loaded.ok ? loaded.value : DEFAULT_SETTINGS;
  initI18n(settings.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(<App initialSettings={settings} />);
}

void start();
