import type { Page } from 'playwright-core';
import { verifyHistoryChain } from '../../../shared/history/hash-chain.js';
import type { ShownSaved } from './kill-shown.js';

type Row = Record<string, unknown>;

/** The stores the kill test checks, read with plain IndexedDB (Blobs only by name and size: reading them all each round would cost more than the kill). */
export interface StoredState {
  history: Row[];
  itemScores: Row[];
  notes: string[];
  attachments: { name: string; size: number; blobSize: number }[];
  received: { packageId: string; type: string; reviewId: string }[];
  panelAssignments: string[];
  reviews: string[];
}

export function readStoredState(page: Page): Promise<StoredState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('zqa');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('cannot open zqa'));
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
        r.onerror = () => reject(r.error ?? new Error(`cannot read ${store}`));
      });
    const [history, itemScores, notes, attachments, received, assignments, reviews] = await Promise.all(
      ['history', 'itemScores', 'notes', 'attachments', 'receivedPackages', 'panelAssignments', 'reviews'].map(all),
    );
    db.close();
    return {
      history: history!,
      itemScores: itemScores!,
      notes: notes!.map((n) => String(n['text'])),
      attachments: attachments!.map((a) => ({ name: String(a['name']), size: Number(a['size']), blobSize: (a['blob'] as Blob).size })),
      received: received!.map((r) => ({ packageId: String(r['packageId']), type: String(r['type']), reviewId: String(r['reviewId']) })),
      panelAssignments: assignments!.map((a) => String(a['reviewId'])),
      reviews: reviews!.map((r) => String(r['id'])),
    };
  });
}

/**
 * Everything the screen showed as saved that is not stored (each a lost edit), and every way
 * the stored state is not whole: a broken history chain, a score that is not the last value
 * of its history, an attachment whose bytes are not all there, an import half applied.
 */
export async function checkState(state: StoredState, shown: ShownSaved, importsShownIds: readonly string[]): Promise<{ lost: string[]; broken: string[] }> {
  const lost: string[] = [];
  const broken: string[] = [];
  const byReview = new Map<string, Row[]>();
  for (const h of state.history) byReview.set(String(h['reviewId']), [...(byReview.get(String(h['reviewId'])) ?? []), h]);
  for (const [reviewId, rows] of byReview) {
    const chain = rows.sort((a, b) => Number(a['seq']) - Number(b['seq'])).map(({ reviewId: _r, ...e }) => e);
    const verified = await verifyHistoryChain(chain);
    if (!verified.ok) broken.push(`history of ${reviewId}: ${JSON.stringify(verified.error)}`);
    const lastTo = new Map<string, unknown>();
    for (const h of chain) lastTo.set(String(h['itemId']), h['to']);
    const scores = new Map(state.itemScores.filter((s) => s['reviewId'] === reviewId).map((s) => [String(s['itemId']), s['percent']]));
    for (const itemId of new Set([...lastTo.keys(), ...scores.keys()])) {
      if ((scores.get(itemId) ?? null) !== (lastTo.get(itemId) ?? null)) broken.push(`${reviewId} ${itemId}: score ${String(scores.get(itemId))}, history ends at ${String(lastTo.get(itemId))}`);
    }
  }
  for (const [key, count] of shown.history) {
    const [reviewId, itemId] = key.split('|');
    const stored = state.history.filter((h) => h['reviewId'] === reviewId && h['itemId'] === itemId).length;
    if (stored < count) lost.push(`${key}: ${count} score changes shown, ${stored} stored`);
  }
  const notes = new Set(state.notes);
  for (const n of shown.notes) if (!notes.has(n)) lost.push(`note "${n}"`);
  const attachments = new Set(state.attachments.map((a) => a.name));
  for (const a of shown.attachments) if (!attachments.has(a)) lost.push(`attachment ${a}`);
  for (const a of state.attachments) if (a.blobSize !== a.size) broken.push(`attachment ${a.name}: ${a.blobSize} of ${a.size} bytes`);
  for (const id of importsShownIds) if (!state.received.some((r) => r.packageId === id)) lost.push(`imported package ${id}`);
  for (const r of state.received.filter((x) => x.type === 'assignment')) {
    if (!state.panelAssignments.includes(r.reviewId) || !state.reviews.includes(r.reviewId)) broken.push(`assignment ${r.packageId} received but its review or assignment is missing`);
  }
  return { lost, broken };
}
