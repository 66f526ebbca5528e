import { DEFAULT_SETTINGS, type AppendSliceArgs, type BridgeResult, type HostBridge, type PatchSliceArgs, type ReadSliceArgs, type Settings } from '../../shared/bridge/contract.js';
import { createFileService } from '../../electron/files/file-service.js';
import { toBridgeError } from '../../electron/ipc/bridge-failure.js';
import { err, ok } from '../../shared/util/result.js';

type Files = HostBridge['files'];

/**
 * The main process's file service (real files, the dialogs answering with the given paths)
 * behind the bridge's result shape, as electron/ipc's handler returns it: the renderer's side
 * tested over the real main-process functions, without Electron. Counts the largest slice read
 * and written, so a test can show no call moved the whole file.
 */
export function mainFilesBridge(paths: { open?: string; save?: string }) {
  let settings: Settings = DEFAULT_SETTINGS;
  const service = createFileService({
    dialogs: {
      showOpen: () => Promise.resolve(paths.open ?? null),
      showOpenMany: () => Promise.resolve([]),
      showSave: () => Promise.resolve(paths.save ?? null),
    },
    settings: { get: () => settings, set: (patch) => (settings = { ...settings, ...patch }), rememberFolder: (lastFolder) => void (settings = { ...settings, lastFolder }) },
    defaultFolder: '/',
  });
  const largest = { read: 0, append: 0, patch: 0 };
  const wrap =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<BridgeResult<R>> => {
      try {
        return ok(await run(...args));
      } catch (error) {
        return err(toBridgeError(error));
      }
    };
  const files: Files = {
    open: wrap((args: Parameters<typeof service.open>[0]) => service.open(args)),
    openMany: wrap((args: Parameters<typeof service.openMany>[0]) => service.openMany(args)),
    save: wrap((args: Parameters<typeof service.save>[0]) => service.save(args)),
    takePendingOpens: wrap(() => Promise.resolve([])),
    openHandle: wrap((args: Parameters<typeof service.openHandle>[0]) => service.openHandle(args)),
    read: wrap(async (args: ReadSliceArgs) => {
      const bytes = await service.read(args);
      largest.read = Math.max(largest.read, bytes.length);
      return bytes;
    }),
    close: wrap(service.close),
    beginSave: wrap((args: Parameters<typeof service.beginSave>[0]) => service.beginSave(args)),
    append: wrap((args: AppendSliceArgs) => {
      largest.append = Math.max(largest.append, args.bytes.length);
      return service.append(args);
    }),
    patch: wrap((args: PatchSliceArgs) => {
      largest.patch = Math.max(largest.patch, args.bytes.length);
      return service.patch(args);
    }),
    commit: wrap(service.commit),
    abort: wrap(service.abort),
  };
  return { files, service, largest };
}
