import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that a reader never sees half of it: a temporary file in the same
 * folder, flushed to the device, renamed over the target, and the folder flushed so the
 * rename itself survives a pulled stick or a power cut.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  try {
    const folder = await open(dir, 'r');
    await folder.sync().finally(() => folder.close());
  } catch {
    // Some file systems (FAT on sticks, Windows) cannot fsync a folder; the rename stands.
  }
}
