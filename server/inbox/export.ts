/**
 * The acknowledgment report as files: CSV (the reports' conventions: BOM, Persian headers,
 * Jalali dates, formulas neutralised) and XLSX (a right-to-left sheet). One row per
 * announcement and targeted person, so a spreadsheet can filter by company or status.
 */
import ExcelJS from 'exceljs';
import { ACKNOWLEDGMENT_STATUS_LABELS } from '../../src/api/inbox';
import { ROLE_LABELS, isRole } from '../../src/api/roles';
import { formatJalaliIso, gregorianToJalali } from '../../src/domain/jalali';
import type { AcknowledgmentReport } from '../../src/domain/inbox/report';
import { attachmentDisposition } from '../reports/content-disposition';
import { csvField } from '../reports/csv';

type Cell = string | number | null;

const jalaliDateTime = (at: number): string => {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tehran', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
  return `${formatJalaliIso(gregorianToJalali(new Date(at)))} ${time}`;
};

const HEADERS = ['شناسهٔ ابلاغیه', 'ابلاغیه', 'مهلت تأیید', 'نام', 'نام کاربری', 'نقش', 'شرکت', 'واحد', 'وضعیت', 'زمان تأیید'] as const;

export function reportRows(report: AcknowledgmentReport): Cell[][] {
  return report.announcements.flatMap((a) =>
    a.people.map((p) => [
      a.id,
      a.title,
      formatJalaliIso(a.due),
      p.displayName,
      p.username,
      isRole(p.role) ? ROLE_LABELS[p.role] : p.role,
      p.companyName,
      p.unitName,
      ACKNOWLEDGMENT_STATUS_LABELS[p.status],
      p.acknowledgedAt === null ? null : jalaliDateTime(p.acknowledgedAt),
    ]),
  );
}

export function reportCsv(report: AcknowledgmentReport): string {
  const lines = [[...HEADERS], ...reportRows(report)].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function reportXlsx(report: AcknowledgmentReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('تأیید وصول', { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...HEADERS]).font = { bold: true };
  for (const row of reportRows(report)) sheet.addRow(row);
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 50 : 20));
  const companies = book.addWorksheet('شرکت‌ها', { views: [{ rightToLeft: true }] });
  companies.addRow(['شرکت', 'هدف', 'تأییدشده', 'در مهلت', 'سهم در مهلت']).font = { bold: true };
  for (const c of report.companies) companies.addRow([c.companyName ?? 'بدون شرکت', c.targeted, c.acknowledged, c.onTime, c.onTimeShare]);
  companies.getColumn(5).numFmt = '0%';
  companies.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const reportFileDisposition = (extension: 'csv' | 'xlsx', today: Date): string => {
  const day = formatJalaliIso(gregorianToJalali(today)).replace(/\//g, '-');
  return attachmentDisposition(`تأیید-وصول-ابلاغیه‌ها-${day}.${extension}`, `acknowledgments-${day}.${extension}`);
};
