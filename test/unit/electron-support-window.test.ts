import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The app ships on a supported Electron line. build/electron-support.json records, by hand,
 * which majors Electron supports and when each is expected to leave support; this test
 * fails when the pinned Electron is not one of them, or when its recorded end has passed, so
 * CI says when to move (docs/security.md).
 */
const root = path.resolve(import.meta.dirname, '../..');
const readJson = async <T>(file: string) => JSON.parse(await readFile(path.join(root, file), 'utf8')) as T;

describe("Electron's support window", () => {
  it('Electron is pinned exactly, and the lock file installs that version', async () => {
    const pkg = await readJson<{ devDependencies: Record<string, string> }>('package.json');
    const lock = await readJson<{ packages: Record<string, { version: string }> }>('package-lock.json');
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/electron']?.version).toBe(pkg.devDependencies.electron);
  });

  it('the pinned major is in the supported set and has not passed its recorded end of support', async () => {
    const pkg = await readJson<{ devDependencies: Record<string, string> }>('package.json');
    const support = await readJson<{ supported: Record<string, { endOfSupport: string }> }>('build/electron-support.json');
    const major = pkg.devDependencies.electron!.split('.')[0]!;
    expect(Object.keys(support.supported), `Electron ${major} is not in build/electron-support.json's supported set`).toContain(major);
    const end = support.supported[major]!.endOfSupport;
    expect(new Date().toISOString().slice(0, 10) <= end, `Electron ${major} left support on ${end}: move to the current line and update build/electron-support.json`).toBe(true);
  });
});
