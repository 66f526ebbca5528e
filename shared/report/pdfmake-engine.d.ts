/**
 * pdfmake 0.3's browser build, which runs in Node, Chromium and Electron alike. Declared
 * here (the .js beside it imports it) so shared/ compiles without @types/pdfmake, whose
 * Node and DOM type references would leak into the pure core.
 */
export interface PdfmakeEngine {
  virtualfs: { writeFileSync(name: string, content: Uint8Array | ArrayBuffer): void; existsSync(name: string): boolean };
  setUrlAccessPolicy?(policy: (url: string) => boolean): void;
  setLocalAccessPolicy?(policy: (path: string) => boolean): void;
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  createPdf(definition: object): { getBuffer(): Promise<Uint8Array> };
}

export function pdfmakeEngine(): PdfmakeEngine;
