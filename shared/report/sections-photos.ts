import type { EvidencePhoto } from './evidence-photos.js';
import type { Content, TableCell } from './pdf-content.js';
import type { ReportModel } from './report-model.js';

const PHOTO_BOX: [number, number] = [220, 150];

/**
 * The file name a photo's bytes are given in pdfmake's virtual file system (render-pdf.ts
 * writes them there): named by content, so the same photo is stored once however often the
 * report is rendered, and handed to pdfkit as bytes, not as a base64 data URL.
 */
export function photoFileName(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i += 7) h = Math.imul(h ^ bytes[i]!, 0x01000193) >>> 0;
  return `report-photo-${h.toString(16)}-${bytes.length}`;
}

/** The document's `images`: a key per embedded photo, naming its file. */
export function photoImages(photos: readonly EvidencePhoto[]): Record<string, string> {
  const images: Record<string, string> = {};
  photos.forEach((p, i) => {
    if (p.image) images[`photo-${i + 1}`] = photoFileName(p.image.bytes);
  });
  return images;
}

/**
 * 附件 现场证据照片: two photos a row, each with its number, caption, item, observation and
 * who took it. A row never splits across pages.
 */
export function photosAppendix(model: ReportModel): Content[] {
  const photos = model.input.photos ?? [];
  if (photos.length === 0) return [];
  const items = new Map(model.input.criteriaSet.categories.flatMap((c) => c.items.map((i) => [i.id, i.name] as const)));
  const cell = (p: EvidencePhoto, index: number): TableCell => {
    const where = p.itemId ? `条款${p.itemId} ${items.get(p.itemId) ?? ''}` : '综合';
    return {
      stack: [
        p.image ? { image: `photo-${index + 1}`, fit: PHOTO_BOX, alignment: 'center' } : { text: p.omitted ?? '（未嵌入）', style: 'note', alignment: 'center', margin: [0, 60, 0, 60] },
        { text: [{ text: `图${index + 1}\u3000`, style: 'label' }, p.caption], style: 'caption' },
        { text: `${where}｜拍摄：${model.nameOf(p.memberId)}${p.observation && p.observation !== p.caption ? `｜观察：${p.observation}` : ''}`, style: 'note' },
      ],
      margin: [0, 4, 0, 8],
    };
  };
  const rows: TableCell[][] = [];
  for (let i = 0; i < photos.length; i += 2) rows.push([cell(photos[i]!, i), photos[i + 1] ? cell(photos[i + 1]!, i + 1) : { text: '' }]);
  return [
    { text: '附件　现场证据照片', style: 'h1', pageBreak: 'before', headlineLevel: 1 },
    { text: `共${photos.length}张，由评审员现场拍摄，按评审员和记录顺序排列；为便于打印已缩小，原图见各评审员评分表附件。`, style: 'body' },
    { table: { widths: ['*', '*'], dontBreakRows: true, body: rows }, layout: 'noBorders' },
  ];
}
