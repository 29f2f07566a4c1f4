/** Plain-text tables for the benchmark CLIs (and Markdown ones to paste into BENCHMARKS.md). */

export type Cell = string | number | null;
export interface Column<Row> {
  title: string;
  value: (row: Row) => Cell;
  /** Decimal places for numbers (default 0). */
  digits?: number;
}

export function formatCell(cell: Cell, digits = 0): string {
  if (cell === null) return '–';
  return typeof cell === 'number' ? cell.toFixed(digits) : cell;
}

/** Columns padded to width; text left-aligned, numbers right-aligned. */
export function textTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => formatCell(column.value(row), column.digits)));
  const numeric = columns.map((column) => rows.some((row) => typeof column.value(row) === 'number'));
  const widths = columns.map((column, i) => Math.max(column.title.length, ...cells.map((line) => line[i]!.length)));
  const pad = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const header = columns.map((column, i) => pad(column.title, i)).join('  ');
  return [header, widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map((line) => line.map(pad).join('  '))].join('\n');
}

export function markdownTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const numeric = columns.map((column) => rows.some((row) => typeof column.value(row) === 'number'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((column) => column.title)),
    line(numeric.map((isNumber) => (isNumber ? '---:' : '---'))),
    ...rows.map((row) => line(columns.map((column) => formatCell(column.value(row), column.digits)))),
  ].join('\n');
}
