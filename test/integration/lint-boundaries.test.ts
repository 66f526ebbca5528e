import { builtinModules } from 'node:module';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Feeds the project's own eslint.config.js forbidden code, as if written into real files of
 * each folder, and checks every line is refused by the rule that should refuse it; lines that
 * are allowed must pass. A boundary loosened in the config (a folder's allow-list, a global,
 * a security selector) fails here.
 */
const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

const BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const forEveryBuiltin = BUILTINS.flatMap((name) => [`import '${name}';`, `import 'node:${name}';`]);

interface Probe {
  line: string;
  refusedBy: string | null; // the rule that must report this line, or null when it is allowed
}
const refused = (rule: string) => (line: string): Probe => ({ line, refusedBy: rule });
const allowed = (line: string): Probe => ({ line, refusedBy: null });
const IMPORTS = 'zqa/allowed-imports';

/** Lints the probes as the text of `file`, and returns for each probe the rules that reported its line. */
async function lint(file: string, probes: Probe[]): Promise<{ probe: Probe; rules: string[] }[]> {
  const [result] = await eslint.lintText(probes.map((p) => p.line).join('\n'), { filePath: path.join(root, file) });
  const messages: Linter.LintMessage[] = result!.messages;
  const fatal = messages.filter((m) => m.fatal);
  expect(fatal, 'the probe text must parse').toEqual([]);
  return probes.map((probe, i) => ({ probe, rules: messages.filter((m) => m.line === i + 1).map((m) => m.ruleId ?? '') }));
}

async function expectVerdicts(file: string, probes: Probe[]): Promise<void> {
  for (const { probe, rules } of await lint(file, probes)) {
    if (probe.refusedBy) expect(rules, `${file}: ${probe.line}`).toContain(probe.refusedBy);
    else expect(rules.filter((r) => r === IMPORTS || r === 'no-restricted-syntax'), `${file}: ${probe.line}`).toEqual([]);
  }
}

describe('folder boundaries (eslint.config.js, lint/boundaries.js)', () => {
  it('shared/: no Node built-in, no host library, no host global, not even a type from electron', async () => {
    await expectVerdicts('shared/util/bytes.ts', [
      ...forEveryBuiltin.map(refused(IMPORTS)),
      ...["import 'electron-store';", "import 'conf';", "import 'playwright-core';", "import 'react';", "import 'dexie';", "import 'antd';"].map(refused(IMPORTS)),
      refused(IMPORTS)("import type { BrowserWindow } from 'electron';"),
      refused(IMPORTS)("export type { IpcMain } from 'electron';"),
      refused(IMPORTS)("type T = import('electron').WebContents;"),
      refused(IMPORTS)("void import('electron');"),
      refused(IMPORTS)("import '../../renderer/src/main.js';"),
      refused(IMPORTS)("import '../../electron/main.js';"),
      refused('no-restricted-properties')('void globalThis.process;'),
      refused('no-restricted-properties')("void globalThis['Buffer'];"),
      refused('no-restricted-properties')('const { process: p } = globalThis; void p;'),
      refused('no-restricted-globals')('void Buffer.from([1]);'),
      refused('no-restricted-globals')('void process.env;'),
      allowed("import 'zod';"),
      allowed("import './bytes.js';"),
      allowed("import '../crypto/sign-request.js';"),
    ]);
  }, 120_000);

  it('the renderer: no Node built-in, no Electron (static, type-only or dynamic), no settings store, no test driver', async () => {
    await expectVerdicts('renderer/src/main.tsx', [
      ...forEveryBuiltin.map(refused(IMPORTS)),
      ...["import 'electron-store';", "import 'conf';", "import 'playwright-core';", "import 'electron';"].map(refused(IMPORTS)),
      refused(IMPORTS)("void import('electron');"),
      refused(IMPORTS)('void import(`electron`);'),
      refused(IMPORTS)("import type { IpcRenderer } from 'electron';"),
      refused(IMPORTS)("import '../../electron/preload.js';"),
      refused('no-restricted-properties')('void globalThis.process;'),
      refused('no-restricted-globals')("void require('fs');"),
      allowed("import 'react';"),
      allowed("import 'dexie';"),
      allowed("import '../../shared/util/bytes.js';"),
    ]);
  }, 120_000);

  it("a workspace's screens: no db/, Dexie or host/ — only their own store, shared ui and i18n", async () => {
    const forbidden = ["import '../../db/database.js';", "import type { ReviewRecord } from '../../db/records.js';", "import 'dexie';", "import { useLiveQuery } from 'dexie-react-hooks';", "import '../../host/get-host.js';", "void import('../../host/get-host.js');", "import '../leader/store/report-store.js';"];
    for (const file of ['renderer/src/workspaces/identity/identity-page.tsx', 'renderer/src/workspaces/leader/report-tab.tsx', 'renderer/src/workspaces/backup/restore-card.tsx']) {
      await expectVerdicts(file, [
        ...forbidden.filter((line) => !(file.includes('/leader/') && line.includes('../leader/'))).map(refused(IMPORTS)),
        allowed("import './store/identity-store.js';"),
        allowed("import '../../ui/common/date-time.js';"),
        allowed("import '../../i18n/i18n.js';"),
        allowed("import 'antd';"),
      ]);
    }
    // Deeper screens and plain .ts helpers of a workspace are screens too; its store is not.
    await expectVerdicts('renderer/src/workspaces/expert/item/item-page.tsx', ["import '../../../db/database.js';", "import '../../../host/page-storage.js';", "import 'dexie-react-hooks';"].map(refused(IMPORTS)));
    await expectVerdicts('renderer/src/workspaces/expert/item/use-item-keyboard.ts', ["import '../../../db/records.js';"].map(refused(IMPORTS)));
    await expectVerdicts('renderer/src/workspaces/expert/store/use-review-data.ts', [
      allowed("import '../../../db/database.js';"),
      allowed("import 'dexie-react-hooks';"),
      allowed("import '../../../host/get-host.js';"),
    ]);
  }, 120_000);

  it('db/: the database, its migrations and record types import nothing from the workspaces', async () => {
    await expectVerdicts('renderer/src/db/database.ts', [
      refused(IMPORTS)("import '../workspaces/expert/store/score-writes.js';"),
      refused(IMPORTS)("import type { LeaderPanelData } from '../workspaces/leader/store/use-leader-data.js';"),
      refused(IMPORTS)("import '../app/app.js';"),
      refused(IMPORTS)("import 'antd';"),
      allowed("import './records.js';"),
      allowed("import '../journal/app-journal.js';"),
      allowed("import 'dexie';"),
    ]);
    await expectVerdicts('renderer/src/db/migrations/0001-initial.ts', [refused(IMPORTS)("import '../../workspaces/secretariat/store/cycle-store.js';"), allowed("import '../records.js';")]);
  }, 120_000);

  it('the preload: only electron and the bridge contract', async () => {
    await expectVerdicts('electron/preload.ts', [
      ...["import 'node:fs';", "import 'path';", "import 'electron-store';", "import 'zod';", "import '../shared/packages/read-package.js';"].map(refused(IMPORTS)),
      allowed("import 'electron';"),
      allowed("import '../shared/bridge/contract.js';"),
    ]);
  }, 120_000);

  it('the main process: Electron, Node and electron-store, but no UI library, no conf of its own, no test driver', async () => {
    await expectVerdicts('electron/main.ts', [
      ...["import 'playwright-core';", "import 'conf';", "import 'react';", "import 'dexie';", "import '../renderer/src/main.js';"].map(refused(IMPORTS)),
      allowed("import 'electron';"),
      allowed("import 'electron-store';"),
      allowed("import 'node:fs';"),
    ]);
  }, 120_000);

  it('the command line and the launcher: no Electron, no settings store, no test driver', async () => {
    await expectVerdicts('cli/main.ts', ["import 'electron';", "import 'electron-store';", "import 'conf';", "import 'playwright-core';", "import 'react';"].map(refused(IMPORTS)));
    await expectVerdicts('electron/launch/start.ts', ["import 'electron';", "import 'electron-store';", "import '../main.js';"].map(refused(IMPORTS)));
  }, 120_000);

  it("Node's files for streamed packages: Node and the pure core, shared by zqa and main, neither's own code", async () => {
    await expectVerdicts('node/file-stream.ts', [
      ...["import 'electron';", "import 'electron-store';", "import 'react';", "import '../cli/main.js';", "import '../electron/main.js';", "import '../renderer/src/main.js';"].map(refused(IMPORTS)),
      allowed("import 'node:fs';"),
      allowed("import '../shared/packages/stream/byte-io.js';"),
    ]);
  }, 120_000);
});

describe('Electron features banned everywhere', () => {
  const SECURITY = 'no-restricted-syntax';
  const probes = [
    refused(SECURITY)("import { shell } from 'electron';"),
    refused(SECURITY)("declare const electron: { shell: { openExternal(u: string): void } }; electron.shell.openExternal('https://example.com');"),
    refused(SECURITY)("declare const s: Record<string, () => void>; s['openExternal']!();"),
    refused(SECURITY)("import { remote } from 'electron';"),
    refused(SECURITY)("declare const e: { remote: unknown }; void e.remote;"),
    refused(SECURITY)("void require('@electron/remote/main');"),
    refused(SECURITY)('const a = { webPreferences: { nodeIntegration: true } }; void a;'),
    refused(SECURITY)('const b = { nodeIntegrationInWorker: true }; void b;'),
    refused(SECURITY)("const c = { 'nodeIntegrationInSubFrames': 1 }; void c;"),
    refused(SECURITY)('declare const on: boolean; const d = { nodeIntegration: on }; void d;'),
    refused(SECURITY)('declare const w: { nodeIntegration: boolean }; w.nodeIntegration = true;'),
    allowed('const f = { nodeIntegration: false }; void f;'),
  ];
  for (const file of ['electron/main.ts', 'renderer/src/main.tsx', 'test/unit/electron-security.test.ts', 'build/after-pack.mjs']) {
    it(`in ${file}`, () => expectVerdicts(file, file.endsWith('.mjs') ? probes.filter((p) => !/declare|: boolean|!\(\)/.test(p.line)) : probes), 120_000);
  }
});
