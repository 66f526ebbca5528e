import type { HistoryEntry } from '../history/hash-chain.js';
import { err, ok, type Result } from '../util/result.js';
import type { ScoresheetContent } from './content/scoresheet.js';
import { packageError, type PackageError } from './errors.js';
import { samePanelSubject, type HeldRecords, type PanelSubject } from './held-records.js';

/**
 * A scoresheet's scores and its hash-chained history must tell one story (docs/package-format.md
 * §5): the history is the record of every change, so the score shown for an item is the `to`
 * of that item's last `score` entry (not scored: no entry, or a last entry to null). And a
 * history once received is never rewritten: each new revision from the same expert for the
 * same panel starts with exactly the entries the last one had.
 */
export function currentScoresProblem(content: Pick<ScoresheetContent, 'items' | 'history'>): string | null {
  const last = new Map<string, number | null>();
  for (const e of content.history) if (e.kind === 'score') last.set(e.itemId, e.to);
  const listed = new Map(content.items.map((i) => [i.itemId, i.percent]));
  for (const [itemId, percent] of listed) {
    const recorded = last.get(itemId) ?? null;
    if (percent !== recorded) return `item ${itemId} is scored ${percent ?? 'nothing'}, its last history entry says ${recorded ?? 'nothing'}`;
  }
  for (const [itemId, to] of last) {
    if (!listed.has(itemId) && to !== null) return `the history scores item ${itemId} ${to}%, which the scoresheet does not list`;
  }
  return null;
}

/** Why `next` does not continue `previous` (same entries, same order, then more), or null. */
export function historyExtensionProblem(previous: readonly HistoryEntry[], next: readonly HistoryEntry[]): string | null {
  for (let i = 0; i < previous.length; i++) {
    const before = previous[i]!;
    const now = next[i];
    if (!now) return `the history stops at entry ${next.length}; ${previous.length} entries were received before`;
    if (now.hash !== before.hash) return `history entry ${before.seq} differs from the one received before (item ${before.itemId}: ${before.from ?? '—'}→${before.to ?? '—'} then, ${now.itemId}: ${now.from ?? '—'}→${now.to ?? '—'} now)`;
  }
  return null;
}

/**
 * A scoresheet against the one the device last received from the same expert for the same
 * panel: not an older revision, and a history that extends the one held.
 */
export async function checkAgainstHeldScoresheet(
  content: Pick<ScoresheetContent, 'cycleId' | 'applicantId' | 'panelId' | 'expertKeyId' | 'history'>,
  revision: number,
  held: HeldRecords,
): Promise<Result<void, PackageError>> {
  const before = await held.scoresheet(content, content.expertKeyId);
  if (!before) return ok(undefined);
  if (revision < before.revision) return err(packageError('stale-revision', `scoresheet revision ${revision} of ${content.expertKeyId}; revision ${before.revision} was received before`));
  const problem = historyExtensionProblem(before.history, content.history);
  return problem ? err(packageError('history-rewritten', `scoresheet revision ${revision} of ${content.expertKeyId}: ${problem}`)) : ok(undefined);
}

/** One scoresheet found among files (`zqa rank`'s folder): where it came from, and what it says. */
export interface FoundScoresheet {
  /** The file, or the return and the entry it is nested in, for messages. */
  where: string;
  subject: PanelSubject;
  expertKeyId: string;
  revision: number;
  history: readonly HistoryEntry[];
}

/**
 * Every scoresheet of one expert for one panel, wherever found, in order of revision: each
 * must extend the one before, and one revision must be one document. The first that does not
 * is named with the reason.
 */
export function scoresheetSeriesProblem(found: readonly FoundScoresheet[]): { where: string; error: PackageError } | null {
  const series = new Map<string, FoundScoresheet[]>();
  for (const f of found) {
    const key = [f.subject.cycleId, f.subject.applicantId, f.subject.panelId, f.expertKeyId].join('/');
    series.set(key, [...(series.get(key) ?? []), f]);
  }
  for (const sheets of series.values()) {
    const ordered = [...sheets].sort((a, b) => a.revision - b.revision);
    for (let i = 1; i < ordered.length; i++) {
      const before = ordered[i - 1]!;
      const now = ordered[i]!;
      if (!samePanelSubject(before.subject, now.subject)) continue;
      const problem = now.revision === before.revision ? sameRevisionProblem(before, now) : historyExtensionProblem(before.history, now.history);
      if (problem) return { where: now.where, error: packageError('history-rewritten', `scoresheet revision ${now.revision} of ${now.expertKeyId} against revision ${before.revision} in ${before.where}: ${problem}`) };
    }
  }
  return null;
}

function sameRevisionProblem(a: FoundScoresheet, b: FoundScoresheet): string | null {
  const same = a.history.length === b.history.length && historyExtensionProblem(a.history, b.history) === null;
  return same ? null : 'two different histories carry the same revision';
}
