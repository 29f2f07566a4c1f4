/**
 * The acknowledgment report as files: CSV (the reports' conventions: BOM, Persian headers,
 * Jalali dates, formulas neutralised) and XLSX (a right-to-left sheet). One row per
 * announcement and targeted person, so a spreadsheet can filter by company or status.
 */
import { ACKNOWLEDGMENT_STATUS_LABELS } from '../../src/api/inbox';
import { ROLE_LABELS, isRole } from '../../src/api/roles';
import { formatJalaliIso, gregorianToJalali } from '../../src/domain/jalali';
import type { AcknowledgmentReport } from '../../src/domain/inbox/report';
import { attachmentDisposition } from '../reports/content-disposition';
import { tableCsv, tableXlsx, type Cell, type ExportColumn } from '../exports/table';

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

const COLUMNS: readonly ExportColumn[] = HEADERS.map((header, i) => ({ header, width: i === 1 ? 50 : 20 }));

export function reportCsv(report: AcknowledgmentReport): string {
  return tableCsv(COLUMNS, reportRows(report));
}

export function reportXlsx(report: AcknowledgmentReport): Promise<Buffer> {
  return tableXlsx([
    { name: 'تأیید وصول', columns: COLUMNS, rows: reportRows(report) },
    {
      name: 'شرکت‌ها',
      columns: [{ header: 'شرکت', width: 24 }, { header: 'هدف', width: 24 }, { header: 'تأییدشده', width: 24 }, { header: 'در مهلت', width: 24 }, { header: 'سهم در مهلت', width: 24, numFmt: '0%' }],
      rows: report.companies.map((c) => [c.companyName ?? 'بدون شرکت', c.targeted, c.acknowledged, c.onTime, c.onTimeShare]),
    },
  ]);
}

export const reportFileDisposition = (extension: 'csv' | 'xlsx', today: Date): string => {
  const day = formatJalaliIso(gregorianToJalali(today)).replace(/\//g, '-');
  return attachmentDisposition(`تأیید-وصول-ابلاغیه‌ها-${day}.${extension}`, `acknowledgments-${day}.${extension}`);
};
