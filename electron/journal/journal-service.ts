import path from 'node:path';
import { journalBridgeError } from '../../shared/journal/journal-bridge-error.js';
import { PLAIN } from '../../shared/journal/journal-files.js';
import { JournalStore, type JournalStoreOptions } from '../../shared/journal/journal-store.js';
import { BridgeFailure } from '../ipc/bridge-failure.js';
import type { HostServices } from '../ipc/host-services.js';
import type { SafeStorageLike } from '../keys/safe-storage.js';
import { loadJournalCipher } from './journal-cipher.js';
import { nodeJournalFiles } from './node-journal-files.js';

export interface JournalServiceDeps {
  /** `app.getPath('userData')`: the journal lives in its `journal/` folder. */
  userDataFolder: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  log: (what: string, detail: string) => void;
  /** Segment size and checkpoint intervals; the defaults everywhere but in tests. */
  storeOptions?: JournalStoreOptions;
}

/**
 * The journal's main-process side of the bridge: one store for the app, opened on first use
 * (a failure is not cached: the next call tries again), encrypted at rest when the OS can
 * wrap its key. A checkpoint is written in the background when one is due, after the append
 * that made it due has answered.
 */
export function createJournalService(deps: JournalServiceDeps): HostServices['journal'] {
  const folder = path.join(deps.userDataFolder, 'journal');
  let opening: Promise<JournalStore> | undefined;
  const store = (): Promise<JournalStore> => {
    opening ??= (async () => {
      const cipher = await loadJournalCipher({ safeStorage: deps.safeStorage, platform: deps.platform, keyFilePath: path.join(deps.userDataFolder, 'journal-key.bin') });
      return JournalStore.open(await nodeJournalFiles(folder, { platform: deps.platform }), cipher ?? PLAIN, deps.storeOptions);
    })().catch((e: unknown) => {
      opening = undefined;
      throw e;
    });
    return opening;
  };
  const mapped = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      const error = journalBridgeError(e);
      throw error ? new BridgeFailure(error.code, error.message) : e;
    }
  };
  return {
    head: () => mapped(async () => (await store()).head()),
    append: (args) =>
      mapped(async () => {
        const s = await store();
        const outcome = await s.append(args);
        if (s.compactionDue()) setImmediate(() => void s.compact().catch((e: unknown) => deps.log('journal checkpoint failed', String(e))));
        return outcome;
      }),
    read: ({ afterSeq, maxBytes }) => mapped(async () => (await store()).read(afterSeq, maxBytes)),
    blob: ({ sha256 }) =>
      mapped(async () => {
        const blob = await (await store()).blob(sha256);
        return blob instanceof Uint8Array ? blob : new Uint8Array(await blob.arrayBuffer());
      }),
  };
}
