import type { PanelNote } from '../consensus/consensus-record.js';
import { itemScoreHundredths } from '../scoring/hundredths.js';
import { numeralZh, pointsZh } from './format-zh.js';
import { numberedList, sectionTitle, subTitle } from './layout.js';
import type { Content } from './pdf-content.js';
import type { ReportModel } from './report-model.js';

/**
 * 主要优势与改进机会: the panel's consolidated notes, category by category, only for items
 * that have any. Items without a strength or an opportunity are named once at the end
 * instead of a line "优势：无。改进机会：无。" each (pages of them went back from a committee).
 */
export function notesSection(model: ReportModel, n: number): Content[] {
  const out: Content[] = [sectionTitle(numeralZh(n), '主要优势与改进机会')];
  const withoutStrengths: string[] = [];
  const withoutOfis: string[] = [];
  let sub = 0;
  for (const category of model.input.criteriaSet.categories) {
    const blocks: Content[] = [];
    for (const item of category.items) {
      const c = model.consensusByItem.get(item.id);
      const strengths = c?.strengths ?? [];
      const ofis = c?.ofis ?? [];
      if (strengths.length === 0) withoutStrengths.push(item.id);
      if (ofis.length === 0) withoutOfis.push(item.id);
      if (strengths.length === 0 && ofis.length === 0) continue;
      const percent = c?.percent ?? null;
      const score = percent === null ? '' : `（共识${percent}%，得分${pointsZh(itemScoreHundredths(item.points, percent))}／${item.points}）`;
      const heading: Content = { text: [{ text: `${item.id} ${item.name}`, style: 'h3' }, { text: score, style: 'muted' }], margin: [0, 6, 0, 2] };
      blocks.push(...noteList('优势', strengths, heading), ...noteList('改进机会', ofis));
    }
    if (blocks.length === 0) continue;
    out.push(subTitle(`（${numeralZh(++sub)}）${category.id} ${category.name}`), ...blocks);
  }
  const listed = (ids: string[]) => (ids.length === 0 ? '无' : ids.join('、'));
  out.push({
    unbreakable: true,
    stack: [
      { text: '说明', style: 'h3', margin: [0, 8, 0, 2] },
      { text: `未列出优势的条款：${listed(withoutStrengths)}。未列出改进机会的条款：${listed(withoutOfis)}。`, style: 'body' },
    ],
  });
  return out;
}

/**
 * A label and its numbered notes. The label (and the item heading before it) is kept on
 * one page with the first note, so no heading or label is left alone at a page's foot; no
 * note breaks across pages.
 */
function noteList(label: string, notes: readonly PanelNote[], heading?: Content): Content[] {
  if (notes.length === 0) return heading ? [heading] : [];
  const head: Content[] = heading ? [heading] : [];
  const labelNode: Content = { text: `${label}：`, style: 'label', margin: [0, 2, 0, 1] };
  const [first, ...rest] = notes.map((note) => note.text);
  return [{ unbreakable: true, stack: [...head, labelNode, ...numberedList([first!])] }, ...numberedList(rest, 2, [14, 0, 0, 2])];
}
