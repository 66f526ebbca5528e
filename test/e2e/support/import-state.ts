import type { Page } from 'playwright-core';

/** Which import to look for: the package (by its id in the signed manifest) and where it lands. */
export interface ImportQuery {
  packageId: string;
  reviewId: string;
  /** For a member's scoresheet: whose; null for an assignment. */
  memberKeyId: string | null;
  /** The package a new revision supersedes (its row must then name the new one), if any. */
  previousPackageId: string | null;
}

/** An attachment as stored: its Blob's size, type and SHA-256, or why it could not be read. */
export type StoredBlob = { size: number; type: string; sha256: string } | { unreadable: string };

/**
 * Everything one import may have written, read with plain IndexedDB in the page (no hook in
 * the app): the received-package row, the assignment and review rows, the member's
 * scoresheet with every attachment read back byte for byte, and each store's row count.
 */
export interface ImportState {
  received: { manifestSha256: string; bytesSha256: string; type: string; reviewId: string; supersededBy: string | null } | null;
  /** The superseded revision's row: its manifest hash and what it says supersedes it. */
  previous: { manifestSha256: string; supersededBy: string | null } | null;
  assignment: { manifestSha256: string } | null;
  review: boolean;
  sheet: { manifestSha256: string; revision: number; packageSha256: string; attachments: Record<string, StoredBlob> } | null;
  sheetHistory: number;
  counts: Record<string, number>;
}

export function readImportState(page: Page, query: ImportQuery): Promise<ImportState> {
  return page.evaluate(async (q) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('zqa');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('cannot open zqa'));
    });
    // Packages are kept as Blobs (Uint8Arrays in rows made before packages were streamed).
    const hex = async (data: BufferSource | Blob) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', data instanceof Blob ? await data.arrayBuffer() : data))].map((x) => x.toString(16).padStart(2, '0')).join('');
    const ask = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        const r = op(db.transaction(store).objectStore(store));
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(r.error ?? new Error(`cannot read ${store}`));
      });
    type Row = Record<string, unknown>;
    // Rows are found by package id, so a row that names another review still shows.
    const all = await ask<Row[]>('receivedPackages', (s) => s.getAll());
    const row = all.find((r) => r['packageId'] === q.packageId);
    const previousRow = q.previousPackageId ? all.find((r) => r['packageId'] === q.previousPackageId) : undefined;
    const received = row
      ? {
          manifestSha256: String(row['manifestSha256']),
          bytesSha256: await hex(row['bytes'] as Blob | Uint8Array<ArrayBuffer>),
          type: String(row['type']),
          reviewId: String(row['reviewId']),
          supersededBy: (row['supersededBy'] as string | null) ?? null,
        }
      : null;
    const assignmentRow = await ask<Row | undefined>('panelAssignments', (s) => s.get(q.reviewId));
    const review = (await ask<Row | undefined>('reviews', (s) => s.get(q.reviewId))) !== undefined;
    let sheet: ImportState['sheet'] = null;
    let sheetHistory = 0;
    if (q.memberKeyId) {
      const s = await ask<Row | undefined>('memberScoresheets', (st) => st.get([q.reviewId, q.memberKeyId!]));
      if (s) {
        const attachments: Record<string, StoredBlob> = {};
        for (const [id, blob] of Object.entries(s['attachments'] as Record<string, Blob>)) {
          try {
            attachments[id] = { size: blob.size, type: blob.type, sha256: await hex(await blob.arrayBuffer()) };
          } catch (e) {
            attachments[id] = { unreadable: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
          }
        }
        sheet = { manifestSha256: String(s['manifestSha256']), revision: Number(s['revision']), packageSha256: await hex(s['packageBytes'] as Blob | Uint8Array<ArrayBuffer>), attachments };
      }
      const older = await ask<Row[]>('memberScoresheetHistory', (st) => st.index('reviewId').getAll(q.reviewId));
      sheetHistory = older.filter((o) => o['memberKeyId'] === q.memberKeyId).length;
    }
    const counts: Record<string, number> = {};
    for (const name of [...db.objectStoreNames]) counts[name] = await ask<number>(name, (s) => s.count());
    db.close();
    const previous = previousRow ? { manifestSha256: String(previousRow['manifestSha256']), supersededBy: (previousRow['supersededBy'] as string | null) ?? null } : null;
    return { received, previous, assignment: assignmentRow ? { manifestSha256: String(assignmentRow['manifestSha256']) } : null, review, sheet, sheetHistory, counts };
  }, query);
}
