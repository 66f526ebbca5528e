import { useCallback, useEffect, useRef, useState } from 'react';
import { beginSave } from './save-tracker.js';

/**
 * A text field that writes itself: each pause in typing (or leaving the field) saves, and
 * while typed text is not yet committed the saved indicator shows "saving", never "saved".
 */
export function useAutosaveText(stored: string, write: (text: string) => Promise<unknown>, delayMs = 400) {
  const [text, setText] = useState(stored);
  const pending = useRef<{ timer: number; finish: ReturnType<typeof beginSave>; text: string } | null>(null);
  const writeRef = useRef(write);
  useEffect(() => {
    writeRef.current = write;
  });

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    window.clearTimeout(p.timer);
    writeRef.current(p.text).then(
      () => p.finish({ ok: true }),
      (e: unknown) => p.finish({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

  const onChange = useCallback(
    (value: string) => {
      setText(value);
      const finish = pending.current?.finish ?? beginSave({ alreadyOnScreen: true });
      if (pending.current) window.clearTimeout(pending.current.timer);
      pending.current = { timer: window.setTimeout(flush, delayMs), finish, text: value };
    },
    [delayMs, flush],
  );

  // Leaving the page still writes what was typed.
  useEffect(() => flush, [flush]);

  // When nothing is pending, follow the stored value (another tab, a restore).
  useEffect(() => {
    if (!pending.current) setText(stored);
  }, [stored]);

  return { text, onChange, flush };
}
