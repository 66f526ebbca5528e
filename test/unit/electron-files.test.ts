import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, chmod, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_FILE_BYTES, type Settings } from '../../shared/bridge/contract.js';
import { writeFileAtomic, type AtomicWriteFs } from '../../electron/files/atomic-write.js';
import { dialogFilters, FILE_FILTERS } from '../../electron/files/file-filters.js';
import { createFileService, readFileWithinLimit, type FileDialogs } from '../../electron/files/file-service.js';
import { createPendingOpens, packagePathsFromArgv } from '../../electron/files/pending-opens.js';
import { toBridgeError } from '../../electron/ipc/bridge-failure.js';
import type { SettingsPort } from '../../electron/settings/settings-port.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'zqa-files-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return toBridgeError(error).code;
  }
};

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temporary file', async () => {
    const target = path.join(dir, '评分表.zqa');
    await writeFileAtomic(target, bytes('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['评分表.zqa']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'a.zqa');
    await writeFile(target, 'old contents that are longer');
    await writeFileAtomic(target, bytes('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.zqa']);
  });

  it('reports a vanished folder as not-found', async () => {
    expect(await codeOf(writeFileAtomic(path.join(dir, 'gone', 'a.zqa'), bytes('x')))).toBe('not-found');
  });

  it('when the rename fails, leaves the target as it was and removes the temporary file', async () => {
    // The target is a non-empty folder: the data is written and synced, then rename fails.
    const target = path.join(dir, 'a.zqa');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'keep');
    await expect(writeFileAtomic(target, bytes('x'.repeat(100_000)))).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['a.zqa']);
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('when writing fails midway (disk full), keeps the old target and removes the temporary file', async () => {
    const target = path.join(dir, 'a.zqa');
    await writeFile(target, 'old');
    const diskFullFs: AtomicWriteFs = {
      async open(filePath, flags, mode) {
        const handle = await open(filePath, flags, mode);
        return {
          async writeFile(data) {
            await handle.writeFile(data.subarray(0, 10)); // a partial write, then the disk is full
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename: (from, to) => import('node:fs/promises').then((fs) => fs.rename(from, to)),
      unlink: (filePath) => import('node:fs/promises').then((fs) => fs.unlink(filePath)),
    };
    expect(await codeOf(writeFileAtomic(target, bytes('new contents'), { fs: diskFullFs }))).toBe('disk-full');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.zqa']);
  });

  it('reports a read-only folder as read-only', async () => {
    // As root, chmod does not stop writes, so the refusal the OS would give is simulated too.
    const readOnlyFs: AtomicWriteFs = {
      open: () => Promise.reject(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })),
      rename: () => Promise.reject(new Error('not reached')),
      unlink: () => Promise.resolve(),
    };
    expect(await codeOf(writeFileAtomic(path.join(dir, 'a.zqa'), bytes('x'), { fs: readOnlyFs }))).toBe('read-only');
    if (process.getuid?.() !== 0) {
      await chmod(dir, 0o555);
      expect(await codeOf(writeFileAtomic(path.join(dir, 'b.zqa'), bytes('x')))).toBe('read-only');
      await chmod(dir, 0o755);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('file dialogs and the file service', () => {
  function memorySettings(): SettingsPort {
    let settings: Settings = { ...DEFAULT_SETTINGS };
    return { get: () => settings, set: (patch) => (settings = { ...settings, ...patch }), rememberFolder: (lastFolder) => void (settings = { ...settings, lastFolder }) };
  }

  it('labels every kind in Chinese with its extensions', () => {
    expect(FILE_FILTERS.package.extensions).toEqual(['zqa']);
    expect(FILE_FILTERS.backup.extensions).toEqual(['zqabak']);
    expect(FILE_FILTERS['key-backup'].extensions).toEqual(['zqakey']);
    expect(dialogFilters('pdf')[0]?.name).toContain('PDF 文档');
    expect(dialogFilters('csv').at(-1)?.extensions).toEqual(['*']);
  });

  it('saves atomically where the user chose and remembers the folder', async () => {
    const settings = memorySettings();
    const seen: string[] = [];
    const dialogs: FileDialogs = {
      showOpen: () => Promise.resolve(null),
      showOpenMany: () => Promise.resolve([]),
      showSave: (options) => {
        seen.push(options.defaultPath);
        return Promise.resolve(path.join(dir, 'out.zqa'));
      },
    };
    const service = createFileService({ dialogs, settings, defaultFolder: '/home/me/Documents' });
    expect(await service.save({ kind: 'package', suggestedName: '评分表.zqa', bytes: bytes('pkg') })).toEqual({ savedAs: path.join(dir, 'out.zqa') });
    expect(seen).toEqual([path.join('/home/me/Documents', '评分表.zqa')]);
    expect(settings.get().lastFolder).toBe(dir);
    expect(await readFile(path.join(dir, 'out.zqa'), 'utf8')).toBe('pkg');
    await service.save({ kind: 'package', suggestedName: 'b.zqa', bytes: bytes('pkg') });
    expect(seen[1]).toBe(path.join(dir, 'b.zqa'));
  });

  it('returns null when the user cancels, and changes nothing', async () => {
    const settings = memorySettings();
    const service = createFileService({ dialogs: { showOpen: () => Promise.resolve(null), showOpenMany: () => Promise.resolve([]), showSave: () => Promise.resolve(null) }, settings, defaultFolder: dir });
    expect(await service.save({ kind: 'pdf', suggestedName: 'r.pdf', bytes: bytes('x') })).toBeNull();
    expect(await service.open({ kind: 'package' })).toBeNull();
    expect(await service.openMany({ kind: 'package', from: 'folder' })).toEqual({ files: [], skipped: [], cancelled: true });
    expect(settings.get().lastFolder).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('opens the chosen file and remembers its folder', async () => {
    const settings = memorySettings();
    await writeFile(path.join(dir, 'in.zqa'), 'package bytes');
    const service = createFileService({ dialogs: { showOpen: () => Promise.resolve(path.join(dir, 'in.zqa')), showOpenMany: () => Promise.resolve([]), showSave: () => Promise.resolve(null) }, settings, defaultFolder: '/' });
    const opened = await service.open({ kind: 'package' });
    expect(opened?.name).toBe('in.zqa');
    expect(new TextDecoder().decode(opened?.bytes)).toBe('package bytes');
    expect(settings.get().lastFolder).toBe(dir);
  });

  it('opens several chosen files, each read on its own: a vanished one is skipped with why, the others come', async () => {
    const settings = memorySettings();
    await writeFile(path.join(dir, 'a.zqa'), 'A');
    await writeFile(path.join(dir, 'b.zqa'), 'B');
    const asked: { folder: boolean; title: string }[] = [];
    const chosen = [path.join(dir, 'a.zqa'), path.join(dir, 'gone.zqa'), path.join(dir, 'b.zqa')];
    const dialogs: FileDialogs = { showOpen: () => Promise.resolve(null), showOpenMany: (o) => (asked.push(o), Promise.resolve(chosen)), showSave: () => Promise.resolve(null) };
    const opened = await createFileService({ dialogs, settings, defaultFolder: '/' }).openMany({ kind: 'package', from: 'files' });
    expect(asked.map((a) => a.folder)).toEqual([false]);
    expect(opened.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['a.zqa', 'A'], ['b.zqa', 'B']]);
    expect(opened.skipped).toEqual([{ name: 'gone.zqa', code: 'not-found', message: expect.stringContaining('U 盘') as unknown }]);
    expect(settings.get().lastFolder).toBe(dir);
  });

  it('opens every package file of a chosen folder and its sub-folders, in path order, skipping hidden and other files', async () => {
    const settings = memorySettings();
    await mkdir(path.join(dir, '张三'));
    await mkdir(path.join(dir, '.Trashes'));
    await writeFile(path.join(dir, '张三', '评分表.ZQA'), 'Z');
    await writeFile(path.join(dir, 'a.zqa'), 'A');
    await writeFile(path.join(dir, '._a.zqa'), 'mac');
    await writeFile(path.join(dir, '.Trashes', 'old.zqa'), 'old');
    await writeFile(path.join(dir, 'notes.txt'), 'n');
    const dialogs: FileDialogs = { showOpen: () => Promise.resolve(null), showOpenMany: (o) => Promise.resolve(o.folder ? [dir] : []), showSave: () => Promise.resolve(null) };
    const opened = await createFileService({ dialogs, settings, defaultFolder: '/' }).openMany({ kind: 'package', from: 'folder' });
    expect(opened.files.map((f) => f.name)).toEqual(['a.zqa', '评分表.ZQA']);
    expect(opened.skipped).toEqual([]);
    expect(settings.get().lastFolder).toBe(dir);
  });

  it('a chosen folder without package files is an empty pick, not a cancelled one', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'n');
    const dialogs: FileDialogs = { showOpen: () => Promise.resolve(null), showOpenMany: () => Promise.resolve([dir]), showSave: () => Promise.resolve(null) };
    const opened = await createFileService({ dialogs, settings: memorySettings(), defaultFolder: '/' }).openMany({ kind: 'package', from: 'folder' });
    expect(opened).toEqual({ files: [], skipped: [] });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = path.join(dir, 'big.zqa');
    const handle = await open(big, 'w');
    await handle.truncate(MAX_FILE_BYTES + 1); // sparse: no real disk use
    await handle.close();
    expect(await codeOf(readFileWithinLimit(big))).toBe('too-large');
    expect(await codeOf(readFileWithinLimit(path.join(dir, 'missing.zqa')))).toBe('not-found');
    expect(await codeOf(readFileWithinLimit(dir))).toBe('not-found');
  });
});

describe('pending opens', () => {
  it('finds package files in argv, skipping the executable, flags and other files', () => {
    const argv = ['/opt/zqa/zqa-review', '--no-sandbox', 'scores.ZQA', '/media/usb/assignment.zqa', 'notes.txt', '.'];
    expect(packagePathsFromArgv(argv, '/home/me')).toEqual(['/home/me/scores.ZQA', '/media/usb/assignment.zqa']);
    expect(packagePathsFromArgv(['C:\\app\\zqa.exe'], 'C:\\')).toEqual([]);
  });

  it('turns file:// URLs from Linux file managers into paths and ignores other URLs', () => {
    const argv = ['/opt/zqa/zqa-review', 'file:///media/u%E7%9B%98/%E8%AF%84%E5%88%86%E8%A1%A8.zqa', 'https://example.com/a.zqa', 'file://otherhost/share/a.zqa'];
    expect(packagePathsFromArgv(argv, '/home/me')).toEqual(['/media/u盘/评分表.zqa']);
  });

  it('hands each queued file out once', async () => {
    await writeFile(path.join(dir, 'a.zqa'), 'A');
    await writeFile(path.join(dir, 'b.zqa'), 'B');
    const pending = createPendingOpens(readFileWithinLimit);
    pending.offer(path.join(dir, 'a.zqa'));
    pending.offer(path.join(dir, 'b.zqa'));
    pending.offer(path.join(dir, 'a.zqa'));
    const first = await pending.take();
    expect(first.map((f) => f.name)).toEqual(['a.zqa', 'b.zqa']);
    expect(await pending.take()).toEqual([]);
  });

  it('drops an unreadable file, and says why when nothing could be opened', async () => {
    await writeFile(path.join(dir, 'a.zqa'), 'A');
    const reported: string[] = [];
    const pending = createPendingOpens(readFileWithinLimit, (file) => reported.push(path.basename(file)));
    pending.offer(path.join(dir, 'gone.zqa'));
    pending.offer(path.join(dir, 'a.zqa'));
    expect((await pending.take()).map((f) => f.name)).toEqual(['a.zqa']);
    pending.offer(path.join(dir, 'gone.zqa'));
    expect(await codeOf(pending.take())).toBe('not-found');
    expect(reported).toEqual(['gone.zqa', 'gone.zqa']);
    expect(pending.size()).toBe(0);
  });
});
