import { loadDeviceKeys } from '../device/device-keys.js';
import { getHost } from '../host/get-host.js';

// Imported by main.tsx before the app's screens, so this runs before their code (antd, the
// workspaces) is evaluated: the host's two slow first answers start now and are worked on by
// other threads meanwhile (docs/ARCHITECTURE.md, "The first screen").
// - The journal's head: its first call starts the journal (the browser host's worker, which
//   is fetched, parsed and opens its files; Electron's main opens its file). Only read here:
//   the start's recovery asks again, under its lock, before anything reads the database.
// - The device's keys (created on the first start): they live apart from the review data
//   (their own store, or the desktop host's), so reading them need not wait for the recovery.
void getHost().journal.head();
loadDeviceKeys().catch(() => undefined);
