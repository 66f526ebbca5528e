import type { Locator, Page } from 'playwright-core';

/**
 * Waits until the in-app PDF viewer `testId` has drawn every page, and reads back what it drew:
 * the page count it reports, the canvases in it, and how many of them carry ink (a canvas left
 * white would be a viewer that loaded pdf.js but drew nothing). Given a locator (one report's card), only
 * the viewer inside it: another report's viewer left open on the page is not this one.
 */
export async function pdfViewerPages(page: Page | Locator, testId: string): Promise<{ pages: number; canvases: number; inked: number }> {
  const viewer = page.locator(`[data-testid="${testId}"][data-pages]`);
  await viewer.waitFor({ timeout: 60_000 });
  return viewer.evaluate((el) => {
    const canvases = [...el.querySelectorAll('canvas')];
    const inked = canvases.filter((c) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
      return dark > 500;
    }).length;
    return { pages: Number(el.getAttribute('data-pages')), canvases: canvases.length, inked };
  });
}
