/**
 * A small RFC 4180 CSV reader: commas, double-quoted fields with `""` escapes and line breaks
 * inside quotes, CRLF or LF, a UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one).
 */

export interface CsvRecord {
  /** The line the record starts on, 1-based: the header is line 1. */
  readonly line: number;
  readonly fields: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Every record, blank lines left out (their line numbers still count). */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  /** Inside a quoted field. */
  let quoted = false;
  /** Just after a quoted field's closing quote: only a comma or a line break may follow. */
  let closed = false;

  const endField = () => {
    fields.push(field);
    field = '';
    closed = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !closed;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        closed = true;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (closed) {
      throw new CsvSyntaxError(line, 'text after a closing quote (a quoted field must end at a comma or the end of the line)');
    } else if (ch === '"') {
      if (field !== '') throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      quoted = true;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted field is not closed');
  if (field !== '' || fields.length > 0 || closed) endRecord();
  return records;
}
