// The one place shared/ touches pdfmake; its types are in pdfmake-engine.d.ts.
import pdfMake from 'pdfmake/build/pdfmake.js';

// The report loads nothing from outside: no URLs, no local files, only registered fonts.
pdfMake.setUrlAccessPolicy?.(() => false);
pdfMake.setLocalAccessPolicy?.(() => false);

export function pdfmakeEngine() {
  return pdfMake;
}
