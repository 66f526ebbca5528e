/**
 * pdf.js (pdfjs-dist) in its own chunk, with its worker as an app asset: the 1.8 MB stay out
 * of the first load and arrive only when a report is shown.
 */
import type * as PdfJsModule from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;
let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
