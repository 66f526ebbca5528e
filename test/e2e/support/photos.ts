import type { Page } from 'playwright-core';

/** A JPEG of the given size drawn in the page (gradient and text, so it compresses like a photo, not like a blank). */
export async function makeJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h);
      const c = canvas.getContext('2d')!;
      const g = c.createLinearGradient(0, 0, w, h);
      g.addColorStop(0, '#2a6f97');
      g.addColorStop(1, '#f4a261');
      c.fillStyle = g;
      c.fillRect(0, 0, w, h);
      for (let i = 0; i < 400; i++) {
        c.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 40)}%)`;
        c.fillRect((i * 997) % w, (i * 613) % h, 40 + (i % 90), 30 + (i % 70));
      }
      c.fillStyle = '#000';
      c.font = `${Math.round(h / 12)}px sans-serif`;
      c.fillText('焊接工位 4000×3000', w / 10, h / 2);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    [width, height] as const,
  );
  return Buffer.from(base64, 'base64');
}
