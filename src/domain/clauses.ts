/**
 * Clauses are the units a citation points at: article (ماده), note (تبصره) and item (بند).
 * Their anchors are readable Persian (`#ماده-۵-تبصره-۲`) and derived only from the numbers
 * in the text, so they stay stable when an article's title is reworded.
 */
import { toAsciiDigits, toPersianDigits } from './digits';

export type ClauseKind = 'article' | 'note' | 'item';

export interface ClauseRef {
  readonly article: number;
  /** `0` for the single, unnumbered note (`تبصره:`). */
  readonly note?: number;
  readonly item?: number;
}

const ARTICLE_HEADING = /^\s*ماده\s+([0-9۰-۹٠-٩]+)(?=$|[\s\-–—:.])/;
const NOTE_LEAD = /^\s*تبصره(?:\s+([0-9۰-۹٠-٩]+))?\s*[:\-–—.]?\s*$/;

/** The article number of a heading like «ماده ۵ – عنوان», or undefined. */
export function parseArticleHeading(text: string): number | undefined {
  const match = ARTICLE_HEADING.exec(text);
  return match ? Number(toAsciiDigits(match[1]!)) : undefined;
}

/** The note number of a lead like «تبصره ۲:» (0 for «تبصره:»), or undefined. */
export function parseNoteLead(text: string): number | undefined {
  const match = NOTE_LEAD.exec(text);
  if (!match) return undefined;
  return match[1] ? Number(toAsciiDigits(match[1])) : 0;
}

export function clauseAnchor(ref: ClauseRef): string {
  const parts = [`ماده-${toPersianDigits(ref.article)}`];
  if (ref.note !== undefined) parts.push(ref.note === 0 ? 'تبصره' : `تبصره-${toPersianDigits(ref.note)}`);
  if (ref.item !== undefined) parts.push(`بند-${toPersianDigits(ref.item)}`);
  return parts.join('-');
}

/** «ماده ۵، تبصره ۲»: how a clause is named in a citation. */
export function clauseLabel(ref: ClauseRef): string {
  const parts = [`ماده ${toPersianDigits(ref.article)}`];
  if (ref.note !== undefined) parts.push(ref.note === 0 ? 'تبصره' : `تبصره ${toPersianDigits(ref.note)}`);
  if (ref.item !== undefined) parts.push(`بند ${toPersianDigits(ref.item)}`);
  return parts.join('، ');
}

/** Reads an anchor back (accepts any digit set), so citations and links can be checked. */
export function parseClauseAnchor(anchor: string): ClauseRef | undefined {
  const text = toAsciiDigits(decodeURIComponentSafe(anchor).replace(/^#/, ''));
  const match = /^ماده-(\d+)(?:-تبصره(?:-(\d+))?)?(?:-بند-(\d+))?$/.exec(text);
  if (!match) return undefined;
  const hasNote = text.includes('تبصره');
  return {
    article: Number(match[1]),
    ...(hasNote ? { note: match[2] ? Number(match[2]) : 0 } : {}),
    ...(match[3] ? { item: Number(match[3]) } : {}),
  };
}

export function labelForAnchor(anchor: string): string | undefined {
  const ref = parseClauseAnchor(anchor);
  return ref ? clauseLabel(ref) : undefined;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
