import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';

/** The file-system calls the writer makes; Node's `fs.promises` in production, a faulty one in tests. */
export interface AtomicWriteFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
}
export interface WritableHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const defaultFs: AtomicWriteFs = nodeFs;

/**
 * Writes `bytes` to `targetPath` so that, whatever happens (a USB stick pulled out, a full
 * disk, a crash), the target is either the old file or the complete new one, never a
 * complete-looking broken package:
 * 1. write `name.tmp-<random>` in the target's own folder (same file system, so rename is atomic),
 * 2. fsync the file, 3. rename it over the target, 4. fsync the folder so the rename itself
 * is durable. On any failure the temporary file is removed and the error is rethrown.
 */
export interface AtomicWriteOptions {
  /** Permission bits of the new file (before umask); 0o600 for the device key file. */
  mode?: number;
  fs?: AtomicWriteFs;
  platform?: NodeJS.Platform;
}

export async function writeFileAtomic(targetPath: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const { mode = 0o644, fs = defaultFs, platform = process.platform } = options;
  const folder = path.dirname(targetPath);
  const tempPath = path.join(folder, `${path.basename(targetPath)}.tmp-${randomBytes(6).toString('hex')}`);
  let handle: WritableHandle | undefined;
  try {
    // 'wx': never follow or reuse an existing file at the temporary name.
    handle = await fs.open(tempPath, 'wx', mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tempPath, targetPath);
  } catch (error) {
    if (handle) await handle.close().catch(() => {});
    await fs.unlink(tempPath).catch(() => {});
    throw error;
  }
  await syncFolder(folder, fs, platform);
}

/**
 * Windows cannot open a folder for fsync (and NTFS journals renames), so it is skipped
 * there. Elsewhere a failure to sync the folder after a successful rename is not reported:
 * the file is complete and in place; only its durability across a power cut is weaker.
 */
async function syncFolder(folder: string, fs: AtomicWriteFs, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  let dir: WritableHandle | undefined;
  try {
    dir = await fs.open(folder, 'r');
    await dir.sync();
  } catch {
    // see above
  } finally {
    await dir?.close().catch(() => {});
  }
}
