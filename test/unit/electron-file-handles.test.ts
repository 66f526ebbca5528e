import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SLICE_BYTES } from '../../shared/bridge/contract.js';
import { createFileHandles } from '../../electron/files/file-handles.js';
import { mainFilesBridge } from '../support/handle-files.js';

/** The main process's files opened by handle, on real files (no Electron: the service's functions are called directly). */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zqa-handles-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a picked file read a slice at a time', () => {
  it('reads exact slices, refuses a read past the end and an unknown handle, and forgets a closed one', async () => {
    const bytes = randomBytes(MAX_SLICE_BYTES + 1024 * 1024 + 11);
    const file = path.join(dir, '评分表.zqa');
    await writeFile(file, bytes);
    const { files } = mainFilesBridge({ open: file });

    const opened = await files.openHandle({ kind: 'package' });
    if (!opened.ok || !opened.value) throw new Error('not opened');
    const { handle, name, size } = opened.value;
    expect({ name, size }).toEqual({ name: '评分表.zqa', size: bytes.length });
    expect(handle).toMatch(/^[0-9a-f]{32}$/);

    const tail = await files.read({ handle, offset: bytes.length - 11, length: 11 });
    expect(tail).toEqual({ ok: true, value: new Uint8Array(bytes.subarray(bytes.length - 11)) });
    const middle = await files.read({ handle, offset: 1000, length: MAX_SLICE_BYTES - 1000 });
    expect(middle.ok && Buffer.from(middle.value).equals(bytes.subarray(1000, MAX_SLICE_BYTES))).toBe(true);

    const past = await files.read({ handle, offset: bytes.length - 10, length: 11 });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(!past.ok && past.error.message).toContain('past the end');
    expect(await files.read({ handle: 'f'.repeat(32), offset: 0, length: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await files.append({ handle, bytes: new Uint8Array(1) })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    expect(await files.close({ handle })).toEqual({ ok: true, value: null });
    expect(await files.read({ handle, offset: 0, length: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('gives nothing when the dialog is cancelled, and refuses a folder', async () => {
    expect(await mainFilesBridge({}).files.openHandle({ kind: 'package' })).toEqual({ ok: true, value: null });
    expect(await mainFilesBridge({ open: dir }).files.openHandle({ kind: 'package' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('a file saved a slice at a time', () => {
  it('is nowhere until commit, then whole; a patch lands only inside what was written', async () => {
    const target = path.join(dir, 'out.zqa');
    await writeFile(target, 'the old file');
    const { files } = mainFilesBridge({ save: target });
    const begun = await files.beginSave({ kind: 'package', suggestedName: 'out.zqa' });
    if (!begun.ok || !begun.value) throw new Error('not begun');
    const { handle, savedAs } = begun.value;
    expect(savedAs).toBe(target);

    const a = randomBytes(MAX_SLICE_BYTES);
    const b = randomBytes(1234);
    expect((await files.append({ handle, bytes: a })).ok).toBe(true);
    expect((await files.append({ handle, bytes: b })).ok).toBe(true);
    expect((await files.patch({ handle, offset: 10, bytes: new Uint8Array([1, 2, 3, 4]) })).ok).toBe(true);
    expect(await files.patch({ handle, offset: a.length + b.length - 2, bytes: new Uint8Array(4) })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await files.read({ handle, offset: 0, length: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await readFile(target, 'utf8')).toBe('the old file');

    expect(await files.commit({ handle })).toEqual({ ok: true, value: { savedAs: target } });
    const expected = Buffer.concat([a, b]);
    expected.set([1, 2, 3, 4], 10);
    expect((await readFile(target)).equals(expected)).toBe(true);
    expect(await readdir(dir)).toEqual(['out.zqa']);
    expect(await files.commit({ handle })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('aborted, or left open when the window closes, leaves nothing half-written and the old file as it was', async () => {
    const target = path.join(dir, 'out.zqa');
    await writeFile(target, 'the old file');
    const { files, service } = mainFilesBridge({ save: target });
    const first = await files.beginSave({ kind: 'package', suggestedName: 'out.zqa' });
    if (!first.ok || !first.value) throw new Error('not begun');
    await files.append({ handle: first.value.handle, bytes: randomBytes(1000) });
    expect((await readdir(dir)).length).toBe(2);
    expect(await files.abort({ handle: first.value.handle })).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual(['out.zqa']);
    expect(await readFile(target, 'utf8')).toBe('the old file');

    const second = await files.beginSave({ kind: 'package', suggestedName: 'out.zqa' });
    if (!second.ok || !second.value) throw new Error('not begun');
    await files.append({ handle: second.value.handle, bytes: randomBytes(1000) });
    await service.closeAll();
    expect(await readdir(dir)).toEqual(['out.zqa']);
    expect(await readFile(target, 'utf8')).toBe('the old file');
    expect(await files.commit({ handle: second.value.handle })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a save into a folder that is gone fails with its code and leaves no handle', async () => {
    const { files } = mainFilesBridge({ save: path.join(dir, 'gone', 'out.zqa') });
    expect(await files.beginSave({ kind: 'package', suggestedName: 'out.zqa' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('the handle table', () => {
  it('holds at most 64 open files and closes every one with the window', async () => {
    const file = path.join(dir, 'a.zqa');
    await writeFile(file, 'x');
    const handles = createFileHandles();
    for (let i = 0; i < 64; i++) await handles.openRead(file);
    await expect(handles.openRead(file)).rejects.toMatchObject({ code: 'too-large' });
    expect(handles.openCount()).toBe(64);
    await handles.closeAll();
    expect(handles.openCount()).toBe(0);
  });
});
