import { err, ok, type Result } from '../../shared/util/result.js';

const BOM = '\ufeff';

/**
 * Parses RFC 4180 CSV (a leading BOM dropped, CRLF or LF line ends) into rows of strings.
 * For reading back what toCsv writes; a stray quote inside an unquoted field is refused.
 */
export function parseCsv(input: string): Result<string[][], string> {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRow = (): void => {
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return err('a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') return err(`unexpected character after a quoted field at ${i}`);
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') return err(`a quote inside an unquoted field at ${i}`);
        value += text[i];
        i++;
      }
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      if (i === text.length) row.push('');
    } else if (text[i] === '\r' || text[i] === '\n') {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
    }
  }
  if (row.length > 0) endRow();
  return ok(rows);
}
