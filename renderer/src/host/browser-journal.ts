import type { BridgeResult, JournalBridge } from '../../../shared/bridge/contract.js';
import type { JournalRequest, JournalResponse } from './journal-worker.js';

type Call = JournalRequest extends infer R ? (R extends { method: infer M; args?: infer A } ? { method: M; args?: A } : never) : never;

/**
 * The journal bridge of the browser host: each call goes to the journal worker
 * (journal-worker.ts) and its answer comes back by id. The worker starts with the first call.
 */
export function createBrowserJournal(): JournalBridge {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, (result: BridgeResult<unknown>) => void>();
  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./journal-worker.ts', import.meta.url), { type: 'module', name: 'zqa-journal' });
    w.onmessage = (e: MessageEvent<JournalResponse>) => {
      pending.get(e.data.id)?.(e.data.result);
      pending.delete(e.data.id);
    };
    w.onerror = (e) => {
      failAll(`操作日志进程出错：${e.message}。The journal worker failed: ${e.message}`);
      worker = null;
    };
    return (worker = w);
  };
  const call = <T>(request: Call, transfer: Transferable[] = []): Promise<BridgeResult<T>> =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve as (r: BridgeResult<unknown>) => void);
      start().postMessage({ id, ...request }, transfer);
    });
  return {
    head: () => call({ method: 'head' }),
    // The record's bytes are the page's own copy: moved, not copied.
    append: (args) => call({ method: 'append', args }, [args.record.buffer]),
    read: (args) => call({ method: 'read', args }),
    blob: (args) => call({ method: 'blob', args }),
  };
}
