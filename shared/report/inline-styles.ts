import type { Content, ContentNode, DocumentDefinition } from './pdf-content.js';

type Styles = DocumentDefinition['styles'];

/**
 * The document with every named style written into the nodes that name it, so pdfmake looks
 * each property up on the node itself. pdfmake resolves a named style on every lookup — about
 * twenty properties for every word it measures, and a CJK character is a word — walking the
 * style stack and allocating as it goes; that was a fifth of a report's first render. The
 * result renders to the same bytes: pdfmake pushes a node's named styles and then the node
 * itself, so the node's own properties win, then the later of its styles, as here.
 */
export function inlineNamedStyles(definition: DocumentDefinition): DocumentDefinition {
  const { styles } = definition;
  const { header, footer } = definition;
  return {
    ...definition,
    content: definition.content.map((c) => inlineContent(c, styles)),
    ...(header ? { header: (page: number, count: number) => inlineContent(header(page, count), styles) } : {}),
    ...(footer ? { footer: (page: number, count: number) => inlineContent(footer(page, count), styles) } : {}),
  };
}

function inlineContent(content: Content, styles: Styles): Content {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((c) => inlineContent(c, styles));
  return inlineNode(content, styles);
}

/** The keys of a node that hold further content; everything else is a property. */
const CHILD_KEYS = ['text', 'stack', 'columns', 'ul', 'ol'] as const;

function inlineNode(node: ContentNode, styles: Styles): ContentNode {
  const { style, ...own } = node;
  const names = style === undefined ? [] : Array.isArray(style) ? style : [style];
  const out: ContentNode = {};
  for (const name of names) {
    const named = styles[name];
    if (!named) throw new Error(`the report names a style it does not define: ${name}`);
    Object.assign(out, named);
  }
  Object.assign(out, own);
  for (const key of CHILD_KEYS) {
    const child = own[key];
    if (child !== undefined) (out as Record<string, unknown>)[key] = inlineContent(child, styles);
  }
  if (own.table) out.table = { ...own.table, body: own.table.body.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : inlineNode(cell, styles)))) };
  return out;
}
