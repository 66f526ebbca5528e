import type { BrowserContext } from 'playwright-core';

/**
 * What the screen showed as saved before a kill, gathered from the page as it happens: the
 * kill test then checks every bit of it is there after the restart. Reports are sent from the
 * page at each moment its indicator says 已保存 with nothing pending (the item page: the
 * score history's count, the notes and the attachments it lists), and when an import's
 * success message shows.
 */
export interface ShownSaved {
  /** `${reviewId}|${itemId}` → the most history entries shown for the item. */
  history: Map<string, number>;
  notes: Set<string>;
  attachments: Set<string>;
  /** Import success messages seen (the test knows which package each round imported). */
  importsShown: number;
}

export function emptyShown(): ShownSaved {
  return { history: new Map(), notes: new Set(), attachments: new Set(), importsShown: 0 };
}

interface Report {
  kind: 'item' | 'import';
  reviewId?: string;
  itemId?: string;
  historyShown?: number;
  notes?: string[];
  attachments?: string[];
}

/** Runs in the page (addInitScript): reports each "saved" moment and each import success. */
function reportShown(): void {
  const send = (window as unknown as { __zqaShown: (r: Report) => void }).__zqaShown;
  let importsReported = 0;
  const look = () => {
    const indicator = document.querySelector<HTMLElement>('[data-testid="save-state"]');
    const page = document.querySelector<HTMLElement>('[data-testid="item-page"]');
    if (indicator?.dataset.state === 'saved' && page) {
      const label = page.querySelector('[data-testid="score-history"] .ant-collapse-title')?.textContent ?? '';
      send({
        kind: 'item',
        reviewId: page.dataset.reviewId ?? '',
        itemId: page.dataset.itemId ?? '',
        historyShown: Number(/(\d+)/.exec(label)?.[1] ?? 0),
        notes: [...page.querySelectorAll('[data-testid="note-text"]')].map((n) => n.textContent ?? ''),
        attachments: [...page.querySelectorAll<HTMLElement>('[data-testid="attachment"]')].map((a) => a.dataset.name ?? ''),
      });
    }
    const imported = document.querySelectorAll('[data-testid="import-outcome"][data-outcome="assignment"]').length;
    if (imported > importsReported) {
      importsReported = imported;
      send({ kind: 'import' });
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Wires the reporter into a freshly launched context; what it reports is merged into `shown`. */
export async function watchShown(context: BrowserContext, shown: ShownSaved): Promise<void> {
  await context.exposeFunction('__zqaShown', (r: Report) => {
    if (r.kind === 'import') {
      shown.importsShown += 1;
      return;
    }
    const key = `${r.reviewId}|${r.itemId}`;
    shown.history.set(key, Math.max(shown.history.get(key) ?? 0, r.historyShown ?? 0));
    for (const n of r.notes ?? []) shown.notes.add(n);
    for (const a of r.attachments ?? []) shown.attachments.add(a);
  });
  await context.addInitScript(reportShown);
}
