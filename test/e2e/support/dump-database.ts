import type { Page } from 'playwright-core';

/**
 * Every record of every object store of the app's database, read with plain IndexedDB in
 * the page, Blobs replaced by { blob: type, size, sha256 } so two profiles compare with toEqual.
 */
export function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('zqa');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
    const plain = async (v: unknown): Promise<unknown> => {
      if (v instanceof Blob) return { blob: v.type, size: v.size, sha256: hex(await crypto.subtle.digest('SHA-256', await v.arrayBuffer())) };
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = await plain(x);
        return out;
      }
      return v;
    };
    const out: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result as unknown[]);
        r.onerror = () => reject(r.error ?? new Error('read failed'));
      });
      out[name] = (await plain(rows)) as unknown[];
    }
    db.close();
    return out;
  });
}
