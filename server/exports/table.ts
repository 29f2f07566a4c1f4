/**
 * One exporter for every report download (training reports, acknowledgments): a table of
 * Persian headers and rows, written as CSV (BOM, CRLF, RFC 4180, formulas neutralised) or as
 * XLSX (a right-to-left sheet, header frozen). Numbers stay numbers in both; Jalali dates are
 * text (`1404/09/01`), so no spreadsheet turns them into a Gregorian serial.
 */
import ExcelJS from 'exceljs';
import { csvField } from '../reports/csv-field';

export type Cell = string | number | null;

export interface ExportColumn {
  readonly header: string;
  /** Characters; 20 when not given. */
  readonly width?: number;
  /** An Excel number format for the column (`0%`). */
  readonly numFmt?: string;
}

export interface ExportSheet {
  /** The sheet's tab name (Persian). */
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

export function tableCsv(columns: readonly ExportColumn[], rows: readonly (readonly Cell[])[]): string {
  const lines = [columns.map((c) => c.header), ...rows].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A workbook of the sheets, in order; every sheet right to left. */
export async function tableXlsx(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    // Excel refuses tab names over 31 characters or holding []:*?/\.
    const sheet = book.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31), { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
    sheet.addRow(s.columns.map((c) => c.header)).font = { bold: true };
    for (const row of s.rows) sheet.addRow([...row]);
    s.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.width ?? 20;
      if (c.numFmt) column.numFmt = c.numFmt;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
