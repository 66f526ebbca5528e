import type { BridgeError, BridgeResult } from '../../../shared/bridge/contract.js';
import { journalBridgeError } from '../../../shared/journal/journal-bridge-error.js';
import { JournalStore, type AppendArgs } from '../../../shared/journal/journal-store.js';
import { opfsJournalFiles } from './opfs-journal-files.js';

/**
 * The browser host's journal, in a dedicated worker (the only place Chromium offers a
 * FileSystemSyncAccessHandle, whose flush() is the durability point before "appended").
 *
 * One writer per origin: a sync access handle is exclusive, so the worker of the tab that
 * writes holds the Web Lock `zqa-journal` and the open journal. Another tab's worker that
 * needs it asks on a BroadcastChannel; the holder finishes what it is doing, closes the
 * journal and lets the lock go, and the asker opens it afresh (reading what was appended).
 * Appends of two tabs never overlap: each happens inside its IndexedDB transaction, and
 * those are serialised by the database (docs/ARCHITECTURE.md, "The journal").
 */
export type JournalRequest =
  | { id: number; method: 'head' }
  | { id: number; method: 'append'; args: AppendArgs }
  | { id: number; method: 'read'; args: { afterSeq: number; maxBytes: number } }
  | { id: number; method: 'blob'; args: { sha256: string } };
export interface JournalResponse {
  id: number;
  result: BridgeResult<unknown>;
}

const LOCK = 'zqa-journal';
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<JournalRequest>) => void) | null;
  postMessage(message: JournalResponse, transfer?: Transferable[]): void;
};
const channel = new BroadcastChannel(LOCK);

let session: { store: JournalStore; release: () => void } | null = null;
let acquiring: Promise<JournalStore> | null = null;
let releaseAsked = false;
let queue: Promise<unknown> = Promise.resolve();
let queued = 0;

async function openStore(): Promise<JournalStore> {
  if (!('storage' in navigator) || typeof navigator.storage.getDirectory !== 'function') {
    throw new Error('this browser offers no origin-private file system for the journal');
  }
  return JournalStore.open(await opfsJournalFiles(await navigator.storage.getDirectory()));
}

function acquire(): Promise<JournalStore> {
  if (session) return Promise.resolve(session.store);
  acquiring ??= new Promise<JournalStore>((resolve, reject) => {
    channel.postMessage('release');
    navigator.locks
      .request(LOCK, async () => {
        let store: JournalStore;
        try {
          store = await openStore();
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        releaseAsked = false;
        await new Promise<void>((release) => {
          session = { store, release };
          resolve(store);
        });
      })
      .catch((e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
  }).finally(() => (acquiring = null));
  return acquiring;
}

async function releaseIfAsked(): Promise<void> {
  if (!releaseAsked || queued > 0 || !session) return;
  const { store, release } = session;
  session = null;
  await store.close();
  release();
}

channel.onmessage = () => {
  releaseAsked = true;
  void releaseIfAsked();
};

function failure(e: unknown): BridgeError {
  const mapped = journalBridgeError(e);
  if (mapped) return mapped;
  const name = (e as { name?: unknown } | null)?.name;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') return { code: 'disk-full', message: `磁盘空间不足，操作日志无法写入。No space left for the journal: ${message}` };
  return { code: 'internal', message: `操作日志不可用：${message}。The journal is unavailable: ${message}` };
}

async function handle(request: JournalRequest): Promise<{ value: unknown; transfer: Transferable[] }> {
  const store = await acquire();
  switch (request.method) {
    case 'head':
      return { value: store.head(), transfer: [] };
    case 'append': {
      const outcome = await store.append(request.args);
      // The checkpoint waits behind this answer: the edit is acknowledged first.
      if (store.compactionDue()) void enqueue(() => store.compact()).catch(() => undefined);
      return { value: outcome, transfer: [] };
    }
    case 'read': {
      const read = await store.read(request.args.afterSeq, request.args.maxBytes);
      return { value: read, transfer: [...read.records.map((r) => r.record.buffer), ...(read.checkpoint ? [read.checkpoint.body.buffer] : [])] as Transferable[] };
    }
    case 'blob':
      return { value: await store.blob(request.args.sha256), transfer: [] };
  }
}

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  queued++;
  const run = queue.then(task, task);
  queue = run.catch(() => undefined).finally(() => {
    queued--;
    return releaseIfAsked();
  });
  return run;
}

scope.onmessage = (event) => {
  const request = event.data;
  enqueue(() => handle(request)).then(
    ({ value, transfer }) => scope.postMessage({ id: request.id, result: { ok: true, value } }, transfer),
    (e: unknown) => scope.postMessage({ id: request.id, result: { ok: false, error: failure(e) } }),
  );
};
