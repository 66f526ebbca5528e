import type { PackageHistory, StoredRevision } from '../../shared/packages/revision.js';

/**
 * A stand-in for the device's database as the importer sees it: the read port it is given
 * (`latest`) plus the write methods an apply step has, behind a proxy that records any use
 * of anything but `latest` and any attempt to change the object. A refused package must
 * leave it exactly as it was.
 */
export class RecordingStore {
  readonly writes: string[] = [];
  readonly reads: string[] = [];
  private readonly rows = new Map<string, StoredRevision>();

  constructor(seedRows: readonly [string, StoredRevision][] = []) {
    for (const [k, v] of seedRows) this.rows.set(k, { ...v });
  }

  latest(seriesId: string): Promise<StoredRevision | null> {
    this.reads.push(seriesId);
    const row = this.rows.get(seriesId);
    return Promise.resolve(row ? { ...row } : null);
  }

  put(seriesId: string, row: StoredRevision): void {
    this.writes.push(`put ${seriesId}`);
    this.rows.set(seriesId, { ...row });
  }

  delete(seriesId: string): void {
    this.writes.push(`delete ${seriesId}`);
    this.rows.delete(seriesId);
  }

  snapshot(): string {
    return JSON.stringify([...this.rows].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** What the importer is handed: reads pass, everything else is recorded as a write attempt. */
  port(): PackageHistory {
    const writes = this.writes;
    const port: PackageHistory = new Proxy(this, {
      get(target, key, receiver) {
        if (key === 'latest') return target.latest.bind(target);
        if (key === 'then') return undefined; // awaiting the port is not a write
        writes.push(`get ${String(key)}`);
        return Reflect.get(target, key, receiver);
      },
      set(_target, key) {
        writes.push(`set ${String(key)}`);
        return false;
      },
      defineProperty(_target, key) {
        writes.push(`define ${String(key)}`);
        return false;
      },
      deleteProperty(_target, key) {
        writes.push(`delete ${String(key)}`);
        return false;
      },
    });
    return port;
  }
}
