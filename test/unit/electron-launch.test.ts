import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkElectronBinary } from '../../electron/launch/electron-binary.js';
import { browserOpener } from '../../electron/launch/open-browser.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zqa-launch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function standIn(script: string): Promise<void> {
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  await writeFile(path.join(dir, 'path.txt'), 'electron');
  await writeFile(path.join(dir, 'dist', 'electron'), script);
  await chmod(path.join(dir, 'dist', 'electron'), 0o755);
}

describe("npm start's check of Electron's binary", () => {
  it('not downloaded: no path.txt (npm install never runs the download)', () => {
    expect(checkElectronBinary(dir)).toEqual({ usable: false, reason: expect.stringContaining('not downloaded') as string });
  });

  it('path.txt names a file that is not there', async () => {
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    expect(checkElectronBinary(dir)).toMatchObject({ usable: false, reason: expect.stringContaining('missing') as string });
  });

  it('a binary that does not start (broken download, missing libraries) is not usable', async () => {
    await standIn('#!/bin/sh\necho "error while loading shared libraries: libgtk-3.so.0" >&2\nexit 127\n');
    expect(checkElectronBinary(dir)).toEqual({ usable: false, reason: expect.stringContaining('libgtk-3.so.0') as string });
  });

  it('a binary that answers its version is usable', async () => {
    await standIn('#!/bin/sh\necho v45.6.1\n');
    expect(checkElectronBinary(dir)).toEqual({ usable: true, binary: path.join(dir, 'dist', 'electron'), version: 'v45.6.1' });
  });
});

describe("the browser host's opener", () => {
  it('opens with the desktop’s own command, and not at all on a Linux console', () => {
    expect(browserOpener('linux', { DISPLAY: ':0' })?.command).toBe('xdg-open');
    expect(browserOpener('linux', { WAYLAND_DISPLAY: 'wayland-0' })?.command).toBe('xdg-open');
    expect(browserOpener('linux', {})).toBeNull();
    expect(browserOpener('darwin', {})?.args('http://127.0.0.1:5199/')).toEqual(['http://127.0.0.1:5199/']);
    expect(browserOpener('win32', {})?.args('http://x/')).toEqual(['/c', 'start', '""', 'http://x/']);
  });
});
