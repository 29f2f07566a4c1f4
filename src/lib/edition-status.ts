/** The editions of the site data as dated editions, and their status on a day, in Persian. */
import { editionStatus, resolveEditionAt, type EditionStatus } from '../domain/editions';
import { parseJalali, type JalaliDate } from '../domain/jalali';
import type { EditionSummary } from '../../plugins/ayin-content/site-data';

export interface DatedSummary extends EditionSummary {
  readonly date: JalaliDate;
}

export function datedEditions(editions: readonly EditionSummary[]): DatedSummary[] {
  return editions.map((e) => {
    const parsed = parseJalali(e.effective);
    if (!parsed.ok) throw new Error(`edition ${e.name}: ${parsed.error}`);
    return { ...e, date: parsed.date, effective: e.effective };
  });
}

export const STATUS_LABEL: Record<EditionStatus, string> = {
  'in-force': 'لازم‌الاجرا',
  upcoming: 'آینده',
  past: 'منسوخ',
};

export function statusOn(editions: readonly DatedSummary[], name: string, today: JalaliDate): EditionStatus | undefined {
  const edition = editions.find((e) => e.name === name);
  return edition && editionStatus(editions.map((e) => ({ name: e.name, effective: e.date })), { name, effective: edition.date }, today);
}

export function inForceOn(editions: readonly DatedSummary[], date: JalaliDate) {
  return resolveEditionAt(editions.map((e) => ({ ...e, effective: e.date })), date);
}
