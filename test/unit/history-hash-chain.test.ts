import { describe, expect, it } from 'vitest';
import {
  HISTORY_GENESIS_HASH,
  hashHistoryEntry,
  nextHistoryEntry,
  nextHistoryEntrySync,
  verifyHistoryChain,
  type HistoryChange,
  type HistoryEntry,
} from '../../shared/history/hash-chain.js';
import { canonicalJson } from '../../shared/util/canonical-json.js';
import { sha256Hex } from '../../shared/util/bytes.js';

const change = (itemId: string, from: number | null, to: number | null, minute: number): HistoryChange => ({
  at: `2026-11-30T09:${String(minute).padStart(2, '0')}:00.000Z`,
  actor: 'expert-li-ming',
  kind: 'score',
  itemId,
  from,
  to,
});

async function chainOf(changes: HistoryChange[]): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for (const c of changes) entries.push(await nextHistoryEntry(entries.at(-1), c));
  // The synchronous form gives the same entries.
  expect(changes.reduce<HistoryEntry[]>((acc, c) => [...acc, nextHistoryEntrySync(acc.at(-1), c)], [])).toEqual(entries);
  return entries;
}

describe('hash-chained history', () => {
  it('starts at the genesis value and links each entry to the one before', async () => {
    const entries = await chainOf([change('4.1.2', null, 55, 1), change('4.1.2', 55, 60, 2), change('4.7.4', null, 70, 3)]);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(HISTORY_GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    const verdict = await verifyHistoryChain(entries);
    expect(verdict).toEqual({ ok: true, value: { length: 3, headHash: entries[2]!.hash } });
  });

  it('hashes the canonical JSON of the entry without its hash', async () => {
    const [entry] = await chainOf([change('4.1.2', null, 55, 1)]);
    const { hash, ...body } = entry!;
    expect(hash).toBe(await sha256Hex(new TextEncoder().encode(canonicalJson(body))));
    expect(await hashHistoryEntry(body)).toBe(hash);
  });

  it('accepts an empty history', async () => {
    expect(await verifyHistoryChain([])).toEqual({ ok: true, value: { length: 0, headHash: HISTORY_GENESIS_HASH } });
  });

  it('names the tampered entry when an old score is rewritten', async () => {
    const entries = await chainOf([change('4.1.2', null, 55, 1), change('4.2.2', null, 40, 2), change('4.1.2', 55, 60, 3)]);
    const tampered = entries.map((e) => ({ ...e }));
    tampered[0]!.to = 90;
    const verdict = await verifyHistoryChain(tampered);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.error).toMatchObject({ seq: 1, problem: 'hash' });
  });

  it('finds a rewritten entry whose own hash was recomputed at the next link', async () => {
    const entries = await chainOf([change('4.1.2', null, 55, 1), change('4.2.2', null, 40, 2), change('4.1.2', 55, 60, 3)]);
    const forged = entries.map((e) => ({ ...e }));
    const { hash: _h, ...body } = { ...forged[0]!, to: 90 };
    forged[0] = { ...body, hash: await hashHistoryEntry(body) };
    const verdict = await verifyHistoryChain(forged);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.error).toMatchObject({ seq: 2, problem: 'prev-hash' });
  });

  it('finds a removed entry and a reordered chain', async () => {
    const entries = await chainOf([change('4.1.2', null, 55, 1), change('4.2.2', null, 40, 2), change('4.1.2', 55, 60, 3)]);
    const removed = await verifyHistoryChain([entries[0], entries[2]]);
    expect(removed.ok).toBe(false);
    if (!removed.ok) expect(removed.error).toMatchObject({ seq: 2, problem: 'seq' });
    const reordered = await verifyHistoryChain([entries[1], entries[0], entries[2]]);
    expect(reordered.ok).toBe(false);
    if (!reordered.ok) expect(reordered.error.seq).toBe(1);
  });

  it('reports a malformed entry with what is wrong', async () => {
    const entries = await chainOf([change('4.1.2', null, 55, 1)]);
    const verdict = await verifyHistoryChain([{ ...entries[0], hash: 'xyz' }]);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.error.problem).toBe('malformed');
      expect(verdict.error.message).toContain('hash');
    }
  });
});
