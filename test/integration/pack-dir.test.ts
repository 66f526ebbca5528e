import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSES } from '../../build/after-pack.mjs';

/**
 * Packs the real build with electron-builder `--dir`, the production config, and a stand-in
 * for Electron's binary (which cannot be downloaded here), then inspects what would ship:
 * app.asar's contents and the fuses the afterPack hook flipped in the binary.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

/**
 * The stand-in "electron" executable: a shell script carrying the fuse wire the way Electron's
 * binary does: the sentinel @electron/fuses searches for (src/constants.ts, SENTINEL), then the
 * wire version (1), the wire length, and one byte per fuse in Electron's shipped defaults
 * ('1' enabled, '0' disabled), so the hook's flipFuses runs for real against it.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_DEFAULTS = '101001011'; // RunAsNode … WasmTrapHandlers, in FuseV1Options order

let work: string;
let appOutDir: string;
let entries: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'zqa-pack-'));
  const standIn = path.join(work, 'electron-dist');
  await mkdir(path.join(standIn, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, SHIPPED_DEFAULTS.length]),
    Buffer.from(SHIPPED_DEFAULTS),
    Buffer.from('\n'),
  ]);
  await writeFile(path.join(standIn, 'electron'), wire, { mode: 0o755 });
  await writeFile(path.join(standIn, 'LICENSE'), 'MIT (stand-in)');
  // The stand-in claims the pinned Electron's version, so electron-builder packs for that line.
  const pinned = JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  await writeFile(path.join(standIn, 'version'), pinned.version);
  for (const locale of ['zh-CN', 'en-US', 'de', 'ja']) await writeFile(path.join(standIn, 'locales', `${locale}.pak`), locale);

  await run('npm', ['run', 'build'], { cwd: root, env });
  const output = path.join(work, 'release');
  await run(
    path.join(root, 'node_modules', '.bin', 'electron-builder'),
    ['--dir', '--linux', '--x64', '--config', 'build/electron-builder.yml', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`],
    { cwd: root, env },
  );
  appOutDir = path.join(output, 'linux-unpacked');
  entries = listPackage(path.join(appOutDir, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
}, 110_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const readFromAsar = (entry: string) => extractFile(path.join(appOutDir, 'resources', 'app.asar'), entry).toString('utf8');

describe('packed app (electron-builder --dir)', () => {
  it('app.asar holds main, preload, package.json and the renderer with its assets', () => {
    expect(entries).toEqual(expect.arrayContaining(['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html', 'package.json']));
    expect(entries.some((entry) => /^dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
    const index = readFromAsar('dist/renderer/index.html');
    for (const [, src] of index.matchAll(/(?:src|href)="([^"]+)"/g)) {
      if (src!.startsWith('data:')) continue;
      expect(src, 'relative asset path').toMatch(/^\.\//);
      expect(entries).toContain(`dist/renderer/${src!.slice(2)}`);
    }
  });

  // The leader's report is rendered in the app, so the report font (Noto Sans SC, TTF, OFL)
  // must travel inside app.asar with the renderer.
  it('app.asar holds the report font (.ttf) and its licence', () => {
    expect(entries.some((entry) => entry.startsWith('dist/renderer/') && entry.endsWith('.ttf'))).toBe(true);
    expect(entries.some((entry) => entry.startsWith('dist/renderer/') && /OFL/i.test(entry))).toBe(true);
  });

  it('ships nothing else: no node_modules, no sources, no tests', () => {
    expect(entries.filter((entry) => entry.includes('node_modules'))).toEqual([]);
    for (const entry of entries) expect(entry, entry).toMatch(/^(dist\/renderer(\/|$)|dist-electron(\/|$)|dist$|package\.json$)/);
    return expect(readdir(path.join(appOutDir, 'resources'))).resolves.toEqual(['app.asar']);
  });

  it("package.json's main is the bundled main process", () => {
    const pkg = JSON.parse(readFromAsar('package.json')) as { main: string; name: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(entries).toContain(pkg.main);
  });

  it('main requires only Electron and Node built-ins; the sandboxed preload only electron', () => {
    const requires = (code: string) => [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
    const main = readFromAsar('dist-electron/main.cjs');
    // ajv writes `require("ajv/…")` into code it generates as strings; those are not loads.
    const loads = requires(main.replace(/`[^`]*require\("ajv[^`]*`/g, ''));
    for (const id of loads) expect(id, id).toMatch(/^(electron|node:[a-z_/]+)$/);
    const preload = readFromAsar('dist-electron/preload.cjs');
    expect(requires(preload)).toEqual(['electron']);
    expect(preload.length).toBeLessThan(20_000); // no zod or other library in the preload
  });

  it('flips the fuses in the packed binary: the whole wire read back is what after-pack decided', async () => {
    const fuses = await getCurrentFuseWire(path.join(appOutDir, 'zqa-review'));
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(known).toHaveLength(SHIPPED_DEFAULTS.length);
    const decided = FUSES as unknown as Record<number, boolean>;
    const wire = fuses as unknown as Record<number, FuseState>;
    for (const fuse of known) expect(wire[fuse], FuseV1Options[fuse]).toBe(decided[fuse] ? FuseState.ENABLE : FuseState.DISABLE);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });

  it('keeps only the UI languages the app has', async () => {
    expect((await readdir(path.join(appOutDir, 'locales'))).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });
});
