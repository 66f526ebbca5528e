/**
 * The OpenType layout tables dropped from the report's faces before pdfmake sees them.
 * With them, fontkit shapes every run of text it measures — and to pdfmake a CJK character
 * is a run of its own — through the substitution and positioning lookups, which was about a
 * quarter of a report's first render. The report needs none of it: Chinese text takes no
 * ligatures or contextual forms, and these "SC" faces already have the simplified-Chinese
 * glyphs as their defaults (what `locl` would pick). Without the tables each character is
 * its cmap glyph at its advance width; the one visible change is that Latin letter pairs
 * are no longer kerned (a credit code such as "MA3X5K2L81" sets a hair wider).
 */
const LAYOUT_TABLES = new Set(['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'morx', 'mort', 'kerx', 'kern']);

const DIRECTORY = 12;
const ENTRY = 16;

/**
 * A copy of a TrueType font whose table directory no longer lists the layout tables. The
 * other tables keep their offsets: the shorter directory is written in the old one's
 * place and the bytes it no longer covers are zeroed, so nothing else moves.
 */
export function withoutLayoutTables(font: Uint8Array): Uint8Array {
  const out = font.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const count = view.getUint16(4);
  const kept: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const at = DIRECTORY + i * ENTRY;
    const entry = font.subarray(at, at + ENTRY);
    if (!LAYOUT_TABLES.has(String.fromCharCode(...entry.subarray(0, 4)))) kept.push(entry.slice());
  }
  if (kept.length === count) return out;
  out.fill(0, DIRECTORY, DIRECTORY + count * ENTRY);
  kept.forEach((entry, i) => out.set(entry, DIRECTORY + i * ENTRY));
  // The directory's binary-search hints, as the sfnt header defines them for the new count.
  const power = 2 ** Math.floor(Math.log2(kept.length));
  view.setUint16(4, kept.length);
  view.setUint16(6, power * ENTRY);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, kept.length * ENTRY - power * ENTRY);
  return out;
}
