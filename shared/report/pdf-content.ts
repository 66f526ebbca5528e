/**
 * The slice of pdfmake's document definition the report uses, typed here so shared/ does
 * not take in @types/pdfmake (which pulls Node and DOM types into the pure core).
 */
export type Content = string | ContentNode | Content[];

export interface TableCell extends ContentNode {
  colSpan?: number;
  rowSpan?: number;
}

export interface ContentNode {
  text?: Content;
  stack?: Content[];
  columns?: Content[];
  ul?: Content[];
  ol?: Content[];
  table?: { headerRows?: number; widths: (number | string)[]; body: (TableCell | string)[][]; dontBreakRows?: boolean; keepWithHeaderRows?: number };
  layout?: string | TableLayout;
  style?: string | string[];
  bold?: boolean;
  fontSize?: number;
  color?: string;
  fillColor?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  margin?: number | [number, number] | [number, number, number, number];
  pageBreak?: 'before' | 'after';
  pageOrientation?: 'portrait' | 'landscape';
  width?: number | string;
  lineHeight?: number;
  characterSpacing?: number;
  preserveLeadingSpaces?: boolean;
  /** Marks a heading: keep-with-next.ts keeps it on one page with what follows it. */
  headlineLevel?: number;
  unbreakable?: boolean;
  id?: string;
  noWrap?: boolean;
  canvas?: ({ type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number; lineColor?: string } | { type: 'rect'; x: number; y: number; w: number; h: number; color?: string; lineColor?: string; lineWidth?: number })[];
  /** A key of the document's `images`. */
  image?: string;
  fit?: [number, number];
  font?: string;

  counter?: number;
  /** First number of an ordered list. */
  start?: number;
  separator?: string;
  columnGap?: number;
}

export interface TableLayout {
  hLineWidth?: (i: number, node: { table: { body: unknown[] } }) => number;
  vLineWidth?: (i: number, node: { table: { widths?: unknown[] } }) => number;
  hLineColor?: (i: number) => string;
  vLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
  fillColor?: (rowIndex: number) => string | null;
}

export interface DocumentDefinition {
  pageSize: 'A4';
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  info: { title: string; author: string; subject: string; keywords: string; creator: string; producer: string; creationDate: Date; modDate: Date };
  header?: (currentPage: number, pageCount: number) => Content;
  footer?: (currentPage: number, pageCount: number) => Content;
  content: Content[];
  /** Image data URLs by key (the evidence photos). */
  images?: Record<string, string>;
  styles: Record<string, ContentNode & { font?: string }>;
  defaultStyle: ContentNode & { font: string };
}
