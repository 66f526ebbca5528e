// First: zod must be told not to probe `new Function` before any schema is built (CSP).
import './boot/zod-jitless.js';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SETTINGS } from '../../shared/bridge/contract.js';
import { App } from './app/app.js';
import { getHost } from './host/get-host.js';
import { loadDeviceKeys } from './identity/device-keys.js';
import { initI18n } from './i18n/i18n.js';
import './styles/app.css';

async function start(): Promise<void> {
  // User Timing: when the app's own code starts, after every chunk is fetched and parsed.
  performance.mark('zqa:boot');
  // The shell needs the device's keys before its first screen: ask the host now, alongside the
  // settings, instead of after the first render. A failure shows where the keys are used.
  loadDeviceKeys().catch(() => undefined);
  const loaded = await getHost().settings.get();
  // Settings are a convenience: if the host cannot read them, start with the defaults.
  const settings = loaded.ok ? loaded.value : DEFAULT_SETTINGS;
  initI18n(settings.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(<App initialSettings={settings} />);
}

void start();
