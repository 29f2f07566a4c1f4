/**
 * "As in force on a date": a typed Jalali date and an optional page (`connection-sales/cs-002`,
 * or an area) resolved to the edition in force then and the same page in it, with Persian
 * messages for a bad date, a date before the first edition, or a text that did not exist then.
 */
import { parseDateInput, dateUrlForm } from '../domain/date-input';
import { formatJalaliNumeric } from '../domain/jalali';
import type { CompactHistory } from '../../plugins/editions/history-data';
import { AT_ROUTE, regulationPath, editionLabel } from './edition-paths';
import { inForceOn, type DatedSummary } from './edition-status';
import { holdsText } from './useEditionHistory';

export type PointInTime =
  | { kind: 'go'; to: string; edition: string; note?: string }
  | { kind: 'error'; message: string; link?: { to: string; label: string } };

/**
 * An edition has no page of its own: its texts are listed by area. The first area (in
 * `areaOrder`) with a text in the edition stands for "the whole set".
 */
export function editionHome(edition: string, names: readonly string[], histories: Readonly<Record<string, CompactHistory>>, areaOrder: readonly string[]): string {
  const areas = new Set(Object.values(histories).filter((h) => holdsText(h, names, edition)).map((h) => h.area));
  const area = areaOrder.find((a) => areas.has(a)) ?? [...areas][0];
  return area ? `/regulations/${edition}/${area}` : `/editions/${edition}`;
}

export function resolvePointInTime(
  editions: readonly DatedSummary[],
  histories: Readonly<Record<string, CompactHistory>>,
  dateText: string,
  page?: string,
  areaOrder: readonly string[] = [],
): PointInTime {
  const names = editions.map((e) => e.name);
  const parsed = parseDateInput(dateText);
  if (!parsed.ok) return { kind: 'error', message: parsed.message };
  const day = formatJalaliNumeric(parsed.date);
  const at = inForceOn(editions, parsed.date);
  if (at.status === 'no-editions') return { kind: 'error', message: 'هنوز هیچ ویرایشی از مقررات منتشر نشده است.' };
  if (at.status === 'before-first') {
    const first = editions.find((e) => e.name === at.first.name)!;
    return {
      kind: 'error',
      message: `در ${day} هیچ ویرایشی از مقررات در آیین لازم‌الاجرا نبود؛ نخستین ویرایش (${editionLabel(first.name)}) از ${formatJalaliNumeric(first.date)} لازم‌الاجراست.`,
      link: { to: editionHome(first.name, names, histories, areaOrder), label: `متن ویرایش ${editionLabel(first.name)}` },
    };
  }
  const edition = at.edition.name;
  const [area, slug] = (page ?? '').replace(/^\/+|\/+$/g, '').split('/');
  if (!area) return { kind: 'go', to: editionHome(edition, names, histories, areaOrder), edition };
  if (!slug) return { kind: 'go', to: `/regulations/${edition}/${area}`, edition };
  const code = slug.toUpperCase();
  const history = histories[code];
  if (history && holdsText(history, names, edition)) return { kind: 'go', to: regulationPath(edition, history.area, code), edition };
  return {
    kind: 'error',
    message: `مقرره ${code} در ${day} (ویرایش ${editionLabel(edition)}) وجود نداشت.`,
    link: { to: editionHome(edition, names, histories, areaOrder), label: `مقررات لازم‌الاجرا در ${day}` },
  };
}

/** The citable form: `/at?date=1403-05-10&page=connection-sales/cs-002`. */
export function atPath(dateText: string, page?: string): string {
  const parsed = parseDateInput(dateText);
  const date = parsed.ok ? dateUrlForm(parsed.date) : dateText;
  return `${AT_ROUTE}?date=${encodeURIComponent(date)}${page ? `&page=${page.split('/').map(encodeURIComponent).join('/')}` : ''}`;
}

/** `connection-sales/cs-002` from a regulation URL (`/regulations/<edition>/<area>/<code>`), or the area alone. */
export function pageOfPath(pathname: string): string | undefined {
  const match = /^\/regulations\/[^/]+\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return undefined;
  return match[2] ? `${match[1]}/${match[2]}` : match[1];
}
