import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILES_AT_ONCE, MAX_FOLDER_DEPTH } from '../../../shared/bridge/contract.js';
import { readEach, hasExtension } from '../host/read-files.js';
import { importsOf } from './workspace-imports.js';
import { useImportMany } from './use-import-many.js';

const carriesFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * A dropped folder's package files (sub-folders too, a few levels deep), in path order. The
 * walk stops one past the most files a pick reads, so a whole disk dropped by mistake is not
 * walked to the end; the read then says what was left out.
 */
async function filesInEntry(entry: FileSystemEntry, depth: number): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return depth === 0 || hasExtension(file, '.zqa') ? [file] : [];
  }
  if (!entry.isDirectory || depth >= MAX_FOLDER_DEPTH || entry.name.startsWith('.')) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches until it answers an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  const found: File[] = [];
  for (const child of children) {
    if (found.length > MAX_FILES_AT_ONCE) break;
    found.push(...(await filesInEntry(child, depth + 1)));
  }
  return found;
}

/**
 * The files of a drop: each dropped file as it is (whatever its name: the registry says what it
 * is), and each dropped folder's package files. Entries are taken before any await, since the
 * browser empties the DataTransfer once the drop handler returns.
 */
async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const items = [...data.items].filter((i) => i.kind === 'file');
  const entries = items.map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  const files: File[] = [];
  for (const { entry, file } of entries) {
    if (files.length > MAX_FILES_AT_ONCE) break;
    if (entry?.isDirectory) files.push(...(await filesInEntry(entry, 0)));
    else if (file) files.push(file);
  }
  return files;
}

/**
 * Package files dropped anywhere on the window, imported as one batch for the workspace on
 * screen (`workspace`: what it takes; anything else is routed or refused with where it goes).
 * While files are dragged over the window a cue says that letting go imports them. The
 * browser's own handling of a drop (opening the file in place of the app) never happens.
 */
export function DropImport({ workspace }: { workspace: string }) {
  const { t } = useTranslation();
  const { importFiles } = useImportMany();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0; // dragenter/dragleave fire for every child element crossed
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overWindow = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      void droppedFiles(e.dataTransfer).then(async (files) => {
        if (files.length === 0) return;
        await importFiles(await readEach(files), importsOf(workspace), 'dropped');
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles, workspace]);
  return over ? (
    <div className="zqa-drop-cue" data-testid="drop-cue">
      {t('packages.importMany.dropHint')}
    </div>
  ) : null;
}
