import { firstRowsHeight, type Measure } from './first-rows-height.js';
import type { Content, ContentNode } from './pdf-content.js';

/**
 * "A heading never ends a page", nor a sentence ending in "：" that announces what follows,
 * decided before pdfmake lays anything out.
 *
 * It used to be a `pageBreakBefore` function, which pdfmake can only answer by laying out
 * the whole document again each time it says yes — every character measured anew, about
 * 40 % of a report's first render. Here each run of headings (nodes with a `headlineLevel`)
 * is glued to what follows it, so one layout is enough:
 * - a block that never breaks (a short paragraph, a list item, a note with its label) goes
 *   with its headings into one unbreakable stack, so they share a page;
 * - anything that may run over pages (a table, a long paragraph) cannot be unbreakable —
 *   pdfmake keeps only the first page of an unbreakable block — so the headings go into an
 *   unbreakable stack together with blank room as tall as the block's start (a table's
 *   header and first rows, two lines of a paragraph), and the block is drawn back up over
 *   that room by a negative top margin. If the room is not left on the page, headings and
 *   room move to the next one, and the block follows them there.
 */
export function keepHeadingsWithNext(content: readonly Content[], measure: Measure): Content[] {
  const flat = flatten(content);
  const out: Content[] = [];
  let i = 0;
  while (i < flat.length) {
    const headings: ContentNode[] = [];
    for (let node = flat[i]; (isHeading(node) || isLeadIn(node)) && !(headings.length > 0 && startsPage(node)); node = flat[++i]) headings.push(node);
    const next = flat[i];
    // Nothing follows these headings on their page anyway, and inside an unbreakable stack a
    // page break would lose content: a block that starts a page begins the next round.
    if (next === undefined || (headings.length > 0 && startsPage(next))) {
      out.push(...headings);
      continue;
    }
    out.push(...(headings.length === 0 ? [next] : keepTogether(headings, next, measure)));
    i++;
  }
  return out;
}

function keepTogether(headings: ContentNode[], next: string | ContentNode, measure: Measure): Content[] {
  // A break before the first heading must be the glued block's own: inside an unbreakable
  // block it would start a second page, which pdfmake drops.
  const [first, ...rest] = headings;
  const { pageBreak, ...firstWithoutBreak } = first!;
  const glued = [firstWithoutBreak, ...rest];
  const breakBefore = pageBreak === 'before' ? { pageBreak } : {};
  const block: ContentNode = typeof next === 'string' ? { text: next } : next;
  if (block.unbreakable === true) return [{ ...breakBefore, unbreakable: true, stack: [...glued, block] }];
  const room = Math.ceil(startHeight(block, measure));
  return [
    { ...breakBefore, unbreakable: true, stack: [{ stack: glued, margin: [0, 0, 0, room] }] },
    { stack: [block], margin: [0, -room, 0, 0] },
  ];
}

/** The height a block needs on the heading's page: a table's rows it keeps together, or two lines of text. */
function startHeight(node: ContentNode, measure: Measure): number {
  if (node.table) return firstRowsHeight(node, measure);
  const twoLines = { ...node, text: '\n' };
  return firstRowsHeight(node.text !== undefined ? twoLines : { text: '\n', style: 'body' }, measure);
}

function startsPage(node: string | ContentNode): boolean {
  return typeof node === 'object' && node.pageBreak === 'before';
}

function isHeading(node: string | ContentNode | undefined): node is ContentNode {
  return typeof node === 'object' && node.headlineLevel !== undefined;
}

/**
 * A short sentence that introduces what follows it ("……结论如下："), or a label such as a
 * member's name before a reservation: it ends in a full-width colon and is kept with its
 * next block like a heading, never left at a page's foot above the table it announces.
 */
function isLeadIn(node: string | ContentNode | undefined): node is ContentNode {
  return typeof node === 'object' && typeof node.text === 'string' && node.text.length <= LEAD_IN_MAX && node.text.endsWith('：');
}

/** Two lines of body text at most: longer text is a paragraph of its own, not an introduction. */
const LEAD_IN_MAX = 100;

/** Nested arrays are stacks without properties to pdfmake; laid flat, a heading's next block is the next element. */
function flatten(content: readonly Content[]): (string | ContentNode)[] {
  return content.flatMap((c): (string | ContentNode)[] => (Array.isArray(c) ? flatten(c) : [c]));
}
