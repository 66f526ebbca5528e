/**
 * Text for XML parts. Characters XML 1.0 cannot carry at all (C0 controls other than tab,
 * newline and carriage return, lone surrogates, U+FFFE/U+FFFF) are dropped: they cannot be
 * escaped, and one of them would make Excel refuse the whole file.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** A carriage return is escaped too: a parser would otherwise turn CR LF into LF. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
