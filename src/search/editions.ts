/**
 * Editions in search. Regulation records carry the name of the edition they belong to
 * (`1404-09`); everything else (lessons, announcements, glossary, and regulations on a site
 * without editions) carries `UNVERSIONED` and is found whatever editions are chosen.
 *
 * Which edition search shows by default is the one in force **when the query is made**,
 * decided in the browser from the editions and today's Tehran date — never the build's date.
 */
import { editionStatus, resolveEditionAt, type DatedEdition, type EditionStatus } from '../domain/editions';
import { editionLabel as isolatedName } from '../lib/edition-paths';
import { formatJalaliNumeric, parseJalali, type JalaliDate } from '../domain/jalali';
import type { SearchRecord } from './record';

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
  /** «ویرایش ۱۴۰۳-۰۷ — منسوخ», «ویرایش ۱۴۰۶-۰۱ — آینده، از ۱۴۰۶/۰۱/۰۱»; the name isolated left to right. */
  readonly text: string;
}

/** How a facet value or a hit names its edition, with its status on `today`. */
export function editionLabel(editions: readonly EditionInfo[], name: string, today: JalaliDate): EditionLabel | undefined {
  const dated = datedEditions(editions);
  const edition = dated.find((e) => e.name === name);
  if (!edition) return undefined;
  const status = editionStatus(dated, edition, today);
  const from = status === 'upcoming' ? `، از ${formatJalaliNumeric(edition.effective)}` : '';
  return { status, text: `ویرایش ${isolatedName(name)} — ${STATUS_LABELS[status]}${from}` };
}

/** `/regulations/1404-09/connection-sales/cs-002` → the same page in edition `to`. */
export function editionUrl(url: string, from: string, to: string): string {
  return url.replace(`/${from}/`, `/${to}/`);
}

const sameText = (a: SearchRecord, b: SearchRecord, from: string, to: string) =>
  a.title === b.title && a.content === b.content && a.anchor === b.anchor && editionUrl(a.url, from, to) === b.url &&
  a.hierarchy.join('\u0000') === b.hierarchy.join('\u0000') && a.audience.join() === b.audience.join() &&
  a.inForceFrom === b.inForceFrom && a.status === b.status;

/**
 * For the offline index: a clause that reads the same in the next edition is kept once, with
 * that edition in `alsoIn`, instead of twice. Most of an edition is unchanged (1406-01 amends 5
 * of 45 texts), so every edition can be in the file at little cost: measured on the sample, the
 * staff index with all three editions is 1.04× the size of one edition's (BENCHMARKS.md), where
 * a copy per edition made it 1.97×. `editions`: oldest first.
 */
export function mergeUnchanged(records: readonly SearchRecord[], editions: readonly string[]): SearchRecord[] {
  const kept: SearchRecord[] = [];
  /** Clause key (the id without its edition) → index in `kept` of its latest version, and that version's edition. */
  const latest = new Map<string, { at: number; edition: string }>();
  const order = new Map(editions.map((e, i) => [e, i]));
  const sorted = [...records].sort((a, b) => (order.get(a.edition) ?? -1) - (order.get(b.edition) ?? -1));
  for (const record of sorted) {
    if (!order.has(record.edition)) {
      kept.push(record);
      continue;
    }
    const key = record.id.slice(0, record.id.length - record.edition.length - 2);
    const previous = latest.get(key);
    const base = previous && kept[previous.at]!;
    if (base && previous && order.get(previous.edition) === order.get(record.edition)! - 1 && sameText(base, record, base.edition, record.edition)) {
      kept[previous.at] = { ...base, alsoIn: [...(base.alsoIn ?? []), record.edition] };
      latest.set(key, { at: previous.at, edition: record.edition });
    } else {
      latest.set(key, { at: kept.length, edition: record.edition });
      kept.push(record);
    }
  }
  return kept;
}

/**
 * A merged record as the hits it stands for: one per edition it reads the same in, among
 * those asked for (all of them when none is asked for), each at that edition's URL, as
 * Meilisearch, which holds every copy, would answer.
 */
export function editionHits(record: SearchRecord, wanted: readonly string[] | undefined): SearchRecord[] {
  if (!record.alsoIn?.length) return [record];
  const { alsoIn, ...base } = record;
  const editions = [record.edition, ...alsoIn].filter((e) => !wanted?.length || wanted.includes(e));
  if (!editions.length) return [base];
  return editions.map((e) =>
    e === record.edition ? base : { ...base, edition: e, url: editionUrl(record.url, record.edition, e), id: `${record.id.slice(0, -record.edition.length)}${e}` },
  );
}
