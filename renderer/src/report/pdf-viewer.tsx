import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bytesEqual } from '../../../shared/util/bytes.js';
import { loadPdfJs } from './load-pdfjs.js';

/**
 * A PDF shown in the page, page after page, so a report is read before it is signed or
 * countersigned without leaving the app. pdf.js is loaded on first use only (its own chunk
 * and worker), drawn into canvases: no plugin, no remote content, nothing the CSP forbids.
 */
export function PdfViewer({ pdf, maxHeight = '70vh', testId = 'pdf-viewer' }: { pdf: Uint8Array; maxHeight?: string; testId?: string }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number } | { error: string } | null>(null);
  const drawn = useRef<Uint8Array | null>(null);
  useEffect(() => {
    // A live record read again (a member's countersignature saved beside the report) hands over
    // the same bytes in a new array: nothing to redraw, and the reader keeps their place.
    if (drawn.current && bytesEqual(drawn.current, pdf)) return;
    let cancelled = false;
    const box = host.current;
    if (!box) return;
    box.replaceChildren();
    setState(null);
    void (async () => {
      try {
        const pdfjs = await loadPdfJs();
        // pdf.js takes over the buffer it is given: hand it a copy.
        const task = pdfjs.getDocument({ data: pdf.slice() });
        const doc = await task.promise;
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.25 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'zqa-pdf-page';
          canvas.dataset.page = String(n);
          box.append(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        if (!cancelled) {
          drawn.current = pdf;
          setState({ pages: doc.numPages });
        }
        await task.destroy();
      } catch (e) {
        if (!cancelled) setState({ error: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [pdf]);
  return (
    <div data-testid={testId} data-pages={state && 'pages' in state ? state.pages : undefined}>
      {state === null && <Spin style={{ display: 'block', margin: '1em auto' }} />}
      {state && 'error' in state && <Alert type="error" showIcon title={t('viewer.failed', { error: state.error })} />}
      <div ref={host} className="zqa-pdf-pages" style={{ maxHeight, overflow: 'auto' }} aria-label={t('viewer.label')} />
    </div>
  );
}
