import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Counts the dialogs a person goes through, per role: every native file dialog (a Playwright
 * file chooser: an open; a download: a save) and every in-app confirmation that opens (an antd
 * Modal, a Modal.confirm/info, a Popconfirm). The page side watches the DOM, so a dialog no
 * helper expected is counted too; nothing is counted by hand.
 */
export type DialogKind = 'open' | 'save' | 'modal';

export interface DialogTally {
  open: number;
  save: number;
  modal: number;
  total: number;
}

/**
 * Runs in every page of a watched profile: an element of an antd dialog that turns from hidden
 * (or absent) to shown is one dialog opened; closing and reopening the same Modal counts again.
 */
function watchModals(): void {
  const shown = new WeakMap<Element, boolean>();
  const report = (window as unknown as { zqaDialogOpened: (kind: string) => void }).zqaDialogOpened;
  const scan = () => {
    for (const el of document.querySelectorAll('.ant-modal, .ant-popconfirm')) {
      const visible = el.checkVisibility() && !el.closest('.ant-modal-wrap[style*="display: none"]');
      if (visible && !shown.get(el)) report('modal');
      shown.set(el, visible);
    }
  };
  const start = () => new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

export class DialogCount {
  private readonly tallies = new Map<string, DialogTally>();

  /** Counts from now on every dialog `role` goes through on `page` (and on reloads of it). */
  async watch(page: Page, role: string): Promise<void> {
    const tally = this.tallyOf(role);
    page.on('filechooser', () => this.add(tally, 'open'));
    page.on('download', () => this.add(tally, 'save'));
    await page.exposeBinding('zqaDialogOpened', (_source, kind: string) => {
      if (kind === 'modal') this.add(tally, 'modal');
    });
    await page.addInitScript(watchModals);
    // The page already loaded before the watch: start watching it too.
    await page.evaluate(watchModals);
  }

  /** One row per role and the total, in the order the roles were first watched. */
  table(): Record<string, DialogTally> {
    const rows: Record<string, DialogTally> = {};
    const total: DialogTally = { open: 0, save: 0, modal: 0, total: 0 };
    for (const [role, t] of this.tallies) {
      rows[role] = { ...t };
      for (const k of ['open', 'save', 'modal', 'total'] as const) total[k] += t[k];
    }
    rows['total'] = total;
    return rows;
  }

  async writeTo(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(this.table(), null, 2)}\n`);
  }

  private tallyOf(role: string): DialogTally {
    let t = this.tallies.get(role);
    if (!t) this.tallies.set(role, (t = { open: 0, save: 0, modal: 0, total: 0 }));
    return t;
  }

  private add(t: DialogTally, kind: DialogKind): void {
    t[kind]++;
    t.total++;
  }
}
