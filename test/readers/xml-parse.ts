/**
 * A small, strict XML parser for reading spreadsheet parts back (our own and simple others):
 * elements, attributes, text, the five entities and character references, CDATA, comments
 * and processing instructions skipped. No DTDs (refused), no namespaces resolution (names are
 * kept with their prefix). Malformed input throws with the offset, never half-parses.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class XmlError extends Error {}

function decodeEntities(text: string, at: number): string {
  return text.replace(/&([^;&]*);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw new XmlError(`bare & near offset ${at}`);
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const e = ENTITIES[body];
    if (e === undefined) throw new XmlError(`unknown entity ${whole} near offset ${at}`);
    return e;
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new XmlError(`${what} at offset ${i}`);
  };
  const skipMisc = (): void => {
    for (;;) {
      while (i < source.length && /\s/.test(source[i]!)) i++;
      if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (source.startsWith('<!DOCTYPE', i)) {
        fail('DTDs are not accepted');
      } else return;
    }
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) fail('expected a name');
    i = NAME.lastIndex;
    return m![0];
  };
  const element = (): XmlElement => {
    if (source[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attributes: {}, children: [] };
    for (;;) {
      while (/\s/.test(source[i] ?? '')) i++;
      if (source.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      const attr = name();
      while (/\s/.test(source[i] ?? '')) i++;
      if (source[i] !== '=') fail(`expected = after attribute ${attr}`);
      i++;
      while (/\s/.test(source[i] ?? '')) i++;
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = source.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (Object.hasOwn(el.attributes, attr)) fail(`attribute ${attr} repeated`);
      el.attributes[attr] = decodeEntities(raw, i);
      i = end + 1;
    }
    for (;;) {
      if (i >= source.length) fail(`element <${el.name}> not closed`);
      if (source.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        while (/\s/.test(source[i] ?? '')) i++;
        if (source[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (source.startsWith('<![CDATA[', i)) {
        const end = source.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        el.children.push(source.slice(i + 9, end));
        i = end + 3;
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (source[i] === '<') {
        el.children.push(element());
      } else {
        const end = source.indexOf('<', i);
        const stop = end < 0 ? source.length : end;
        // XML turns a literal CR LF or lone CR into LF; an escaped &#13; survives.
        el.children.push(decodeEntities(source.slice(i, stop).replace(/\r\n?/g, '\n'), i));
        i = stop;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < source.length) fail('content after the root element');
  return root;
}

/** Children elements with a local name (prefix ignored). */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (c.name === local || c.name.endsWith(`:${local}`)));
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  return childrenNamed(el, local)[0];
}

/** All text inside an element, in order. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
