import { useEffect, useRef } from 'react';
import type { ItemKind } from '../../../../../shared/criteria/criteria-set.js';
import { SCORING_BANDS, stepsOf } from '../../../../../shared/criteria/bands.js';

interface Options {
  kind: ItemKind;
  percent: number | undefined;
  material: number | undefined;
  pendingBand: number | null;
  setPendingBand: (band: number | null) => void;
  setScore: (percent: number | null) => void;
  /** A digit that names no band, or no step of the chosen band: said, not silently dropped. */
  onInvalidDigit: (digit: number) => void;
  next: () => void;
  prev: () => void;
}

/**
 * Keys the focused control uses itself: typing in a field must never score or navigate, and
 * arrows in a focused tab list move between the tabs (WAI-ARIA) — one key, one effect.
 */
function keysBelongToFocused(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.ant-select') !== null ||
    target.closest('[role="tablist"]') !== null ||
    // A dialog asking something owns the keyboard until it is answered.
    target.closest('.ant-modal') !== null
  );
}

/**
 * The item page's keys: a digit picks a band (1–6), the next digit a step inside it
 * ("4 2" → 55%); ← / → move 5%; Esc drops a chosen band; J / PageDown and K / PageUp go to
 * the next and previous item. A digit with nothing to pick is answered with a hint.
 */
export function useItemKeyboard(options: Options): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || keysBelongToFocused(e.target)) return;
      const o = latest.current;
      const bands = SCORING_BANDS[o.kind];
      const handled = (): void => e.preventDefault();
      if (/^[1-9]$/.test(e.key)) {
        const n = Number(e.key);
        if (o.pendingBand === null) {
          if (n <= bands.length) o.setPendingBand(n - 1);
          else o.onInvalidDigit(n);
        } else {
          const steps = stepsOf(bands[o.pendingBand]!);
          if (n <= steps.length) o.setScore(steps[n - 1]!);
          else o.onInvalidDigit(n);
        }
        return handled();
      }
      switch (e.key) {
        case 'Escape':
          o.setPendingBand(null);
          return handled();
        case 'ArrowLeft':
        case 'ArrowRight': {
          // Start from the current score, else the material review's, else the middle.
          const base = o.percent ?? o.material ?? 50;
          const delta = e.key === 'ArrowRight' ? 5 : -5;
          const target = o.percent === undefined ? base : Math.min(100, Math.max(0, base + delta));
          o.setScore(target);
          return handled();
        }
        case 'j':
        case 'J':
        case 'PageDown':
          o.next();
          return handled();
        case 'k':
        case 'K':
        case 'PageUp':
          o.prev();
          return handled();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
