/**
 * Editions in search. Regulation records carry the name of the edition they belong to
 * (`1404-09`); everything else (lessons, announcements, glossary, and regulations on a site
 * without editions) carries `UNVERSIONED` and is found whatever editions are chosen.
 *
 * Which edition search shows by default is the one in force **when the query is made**,
 * decided in the browser from the editions and today's Tehran date — never the build's date.
 */
import { editionStatus, resolveEditionAt, type DatedEdition, type EditionStatus } from '../domain/editions';
import { toPersianDigits } from '../domain/digits';
import { formatJalaliNumeric, parseJalali, type JalaliDate } from '../domain/jalali';

/** The `edition` of records that belong to no edition. */
export const UNVERSIONED = 'current';
/** URL value (`?edition=all`) asking for every edition. */
export const ALL_EDITIONS = 'all';

/** An edition as site data gives it: the effective date as a Jalali string (`1404/09/01`). */
export interface EditionInfo {
  readonly name: string;
  readonly effective: string;
}

export function datedEditions(editions: readonly EditionInfo[]): DatedEdition[] {
  return editions.flatMap((e) => {
    const parsed = parseJalali(e.effective);
    return parsed.ok ? [{ name: e.name, effective: parsed.date }] : [];
  });
}

/** The edition in force on `today`; before the first edition, none (search then shows all). */
export function inForceEdition(editions: readonly EditionInfo[], today: JalaliDate): string | undefined {
  const at = resolveEditionAt(datedEditions(editions), today);
  return at.status === 'in-force' ? at.edition.name : undefined;
}

/**
 * The editions a query is restricted to: what the URL asks for (`all` lifts the
 * restriction), else the edition in force today. `undefined` means no restriction.
 */
export function editionSelection(requested: readonly string[] | undefined, inForce: string | undefined): string[] | undefined {
  if (requested?.includes(ALL_EDITIONS)) return undefined;
  if (requested?.length) return [...requested];
  return inForce ? [inForce] : undefined;
}

/**
 * The URL values after the reader ticks or unticks `name`: none when the result is the default
 * (the edition in force), `all` when nothing is left ticked (no restriction).
 */
export function toggleEdition(selected: readonly string[] | undefined, name: string, inForce: string | undefined): string[] {
  if (name === ALL_EDITIONS) return selected === undefined ? [] : [ALL_EDITIONS];
  const current = selected ?? [];
  const next = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
  if (!next.length) return [ALL_EDITIONS];
  return next.length === 1 && next[0] === inForce ? [] : next;
}

const STATUS_LABELS: Record<EditionStatus, string> = { 'in-force': 'لازم‌الاجرا', past: 'منسوخ', upcoming: 'آینده' };

export interface EditionLabel {
  readonly status: EditionStatus;
  /** «ویرایش ۱۴۰۳-۰۷ — منسوخ», «ویرایش ۱۴۰۶-۰۱ — آینده، از ۱۴۰۶/۰۱/۰۱». */
  readonly text: string;
}

/** How a facet value or a hit names its edition, with its status on `today`. */
export function editionLabel(editions: readonly EditionInfo[], name: string, today: JalaliDate): EditionLabel | undefined {
  const dated = datedEditions(editions);
  const edition = dated.find((e) => e.name === name);
  if (!edition) return undefined;
  const status = editionStatus(dated, edition, today);
  const from = status === 'upcoming' ? `، از ${formatJalaliNumeric(edition.effective)}` : '';
  return { status, text: `ویرایش ${toPersianDigits(name)} — ${STATUS_LABELS[status]}${from}` };
}
