import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES, type BeginSaveArgs, type OpenFileArgs, type OpenedHandle, type OpenManyArgs, type OpenedFile, type OpenedFiles, type SaveFileArgs, type SaveHandle } from '../../shared/bridge/contract.js';
import { BridgeFailure } from '../ipc/bridge-failure.js';
import type { SettingsPort } from '../settings/settings-port.js';
import { writeFileAtomic } from './atomic-write.js';
import { createFileHandles, type FileHandles } from './file-handles.js';
import { DIALOG_TITLES, FILE_FILTERS, dialogFilters, type FileFilter } from './file-filters.js';
import { filesInFolder, readEach } from './open-many.js';

/** The dialogs the service shows; Electron's `dialog` bound to the main window in production. */
export interface FileDialogs {
  showOpen(options: { title: string; defaultPath?: string; filters: FileFilter[] }): Promise<string | null>;
  /** Several files chosen together, or one folder (`folder`); an empty list when cancelled. */
  showOpenMany(options: { title: string; defaultPath?: string; filters: FileFilter[]; folder: boolean }): Promise<string[]>;
  showSave(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}

export interface FileServiceDeps {
  dialogs: FileDialogs;
  settings: SettingsPort;
  /** Where the first dialog opens before any folder is remembered (the user's Documents). */
  defaultFolder: string;
  writeFile?: (targetPath: string, bytes: Uint8Array) => Promise<void>;
  /** The files open for slice reads and writes; one set per window, closed with it. */
  handles?: FileHandles;
}

/** Reads a file the user or the OS named, refusing anything over the bridge's size limit before reading it. */
export async function readFileWithinLimit(filePath: string): Promise<OpenedFile> {
  const stat = await nodeFs.stat(filePath);
  if (!stat.isFile()) throw new BridgeFailure('not-found', `不是文件 Not a file: ${filePath}`);
  if (stat.size > MAX_FILE_BYTES) {
    throw new BridgeFailure('too-large', `文件过大（${Math.ceil(stat.size / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB）。File too large: ${filePath}`);
  }
  return { name: path.basename(filePath), bytes: new Uint8Array(await nodeFs.readFile(filePath)) };
}

export function createFileService(deps: FileServiceDeps) {
  const writeFile = deps.writeFile ?? ((target: string, bytes: Uint8Array) => writeFileAtomic(target, bytes));
  const startFolder = () => deps.settings.get().lastFolder ?? deps.defaultFolder;
  const remember = (filePath: string) => deps.settings.rememberFolder(path.dirname(filePath));
  const handles = deps.handles ?? createFileHandles();

  return {
    async open(args: OpenFileArgs): Promise<OpenedFile | null> {
      const chosen = await deps.dialogs.showOpen({ title: DIALOG_TITLES.open, defaultPath: startFolder(), filters: dialogFilters(args.kind) });
      if (chosen === null) return null;
      const file = await readFileWithinLimit(chosen);
      remember(chosen);
      return file;
    },
    /** Files chosen together, or every file of the kind in a chosen folder; each read on its own. */
    async openMany(args: OpenManyArgs): Promise<OpenedFiles> {
      const folder = args.from === 'folder';
      const chosen = await deps.dialogs.showOpenMany({ title: folder ? DIALOG_TITLES.openFolder : DIALOG_TITLES.openMany, defaultPath: startFolder(), filters: dialogFilters(args.kind), folder });
      if (chosen.length === 0) return { files: [], skipped: [], cancelled: true };
      const paths = folder ? await filesInFolder(chosen[0]!, FILE_FILTERS[args.kind]) : chosen;
      const opened = await readEach(paths, readFileWithinLimit);
      deps.settings.rememberFolder(folder ? chosen[0]! : path.dirname(chosen[0]!));
      return opened;
    },
    async save(args: SaveFileArgs): Promise<{ savedAs: string } | null> {
      const chosen = await deps.dialogs.showSave({
        title: DIALOG_TITLES.save,
        defaultPath: path.join(startFolder(), args.suggestedName),
        filters: dialogFilters(args.kind),
      });
      if (chosen === null) return null;
      await writeFile(chosen, args.bytes);
      remember(chosen);
      return { savedAs: chosen };
    },
    /** A picked file kept open for slice reads (a package of any size): no size limit here, the format's own apply as it is read. */
    async openHandle(args: OpenFileArgs): Promise<OpenedHandle | null> {
      const chosen = await deps.dialogs.showOpen({ title: DIALOG_TITLES.open, defaultPath: startFolder(), filters: dialogFilters(args.kind) });
      if (chosen === null) return null;
      if (!(await nodeFs.stat(chosen)).isFile()) throw new BridgeFailure('not-found', `不是文件 Not a file: ${chosen}`);
      const opened = await handles.openRead(chosen);
      remember(chosen);
      return opened;
    },
    /** The save dialog, then a temporary file beside the chosen path, written by `append` and put in place by `commit`. */
    async beginSave(args: BeginSaveArgs): Promise<SaveHandle | null> {
      const chosen = await deps.dialogs.showSave({ title: DIALOG_TITLES.save, defaultPath: path.join(startFolder(), args.suggestedName), filters: dialogFilters(args.kind) });
      if (chosen === null) return null;
      const begun = await handles.beginWrite(chosen);
      remember(chosen);
      return begun;
    },
    read: handles.read,
    close: handles.close,
    append: handles.append,
    patch: handles.patch,
    commit: handles.commit,
    abort: handles.abort,
    /** Every file of the window closed, every unfinished save removed (the window closed or reloaded). */
    closeAll: handles.closeAll,
  };
}
