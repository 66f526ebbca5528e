import type { PanelNote } from '../consensus/consensus-record.js';
import { itemScoreHundredths } from '../scoring/hundredths.js';
import { numeralZh, pointsZh } from './format-zh.js';
import { sectionTitle, subTitle } from './layout.js';
import type { Content } from './pdf-content.js';
import type { ReportModel } from './report-model.js';

/** 六、主要优势与改进机会: the panel's own notes, category by category, item by item. */
export function notesSection(model: ReportModel, n: number): Content[] {
  const out: Content[] = [sectionTitle(numeralZh(n), '主要优势与改进机会')];
  model.input.criteriaSet.categories.forEach((category, ci) => {
    out.push(subTitle(`（${numeralZh(ci + 1)}）${category.id} ${category.name}`));
    for (const item of category.items) {
      const c = model.consensusByItem.get(item.id);
      const percent = c?.percent ?? null;
      const score = percent === null ? '' : `（共识 ${percent}%，得分 ${pointsZh(itemScoreHundredths(item.points, percent))} / ${item.points}）`;
      const heading: Content = { text: [{ text: `${item.id} ${item.name}`, bold: true }, { text: score, style: 'muted' }], style: 'h3' };
      out.push(...noteList('优势', c?.strengths ?? [], heading));
      out.push(...noteList('改进机会', c?.ofis ?? []));
    }
  });
  return out;
}

/**
 * A label and its numbered notes. The label (and the item heading before it) is kept on
 * one page with the first note, so no heading or label is left alone at a page's foot.
 */
function noteList(label: string, notes: readonly PanelNote[], heading?: Content): Content[] {
  const head: Content[] = heading ? [heading] : [];
  const labelNode: Content = { text: `${label}：`, bold: true, style: 'body', margin: [0, 2, 0, 1] };
  if (notes.length === 0) return [{ unbreakable: true, stack: [...head, { text: [{ text: `${label}：`, bold: true }, '无。'], style: 'body' }] }];
  const item = (note: PanelNote): Content => ({ text: note.text, style: 'listItem' });
  const [first, ...rest] = notes;
  return [
    { unbreakable: true, stack: [...head, labelNode, { ol: [item(first!)], margin: [14, 0, 0, 0] }] },
    ...(rest.length > 0 ? [{ ol: rest.map(item), start: 2, margin: [14, 0, 0, 2] } as Content] : []),
  ];
}
