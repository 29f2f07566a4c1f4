/**
 * A word-level redline for Persian text. Words are compared whole (a ZWNJ joins the parts
 * of آیین‌نامه or می‌شود into one word), punctuation stands alone so a changed «،» does not
 * mark its word as changed, and the three digit sets are one: retyping ۵ as 5 is not an
 * amendment.
 */
import { diffArrays } from 'diff';
import { toAsciiDigits } from './digits';

export type SegmentKind = 'same' | 'inserted' | 'deleted';

export interface DiffSegment {
  readonly kind: SegmentKind;
  readonly text: string;
}

// A number with thousands or decimal separators (۳۸٬۷۰۰٬۰۰۰, 1,850,000, ۱٫۵) is one token, so
// a changed amount reads as one amount replaced, not as fragments of digits; letters,
// combining marks (harakat), digits of any script, ZWNJ and ZWJ make up a word; each
// whitespace run is one token; anything else (، ؛ ؟ . : « » ( ) - /) is a token by itself.
const TOKEN = /\p{N}+(?:[٬٫,.]\p{N}+)+|[\p{L}\p{M}\p{N}\u200C\u200D]+|\s+|[^]/gu;

export function tokenizePersian(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** What two tokens are compared by: digit set ignored, and whitespace is whitespace (HTML collapses it). */
function comparisonKey(token: string): string {
  return /^\s+$/.test(token) ? ' ' : toAsciiDigits(token);
}

const isWhitespace = (text: string) => /^\s+$/.test(text);

/** Unchanged text keeps the new text's characters (its digits, its spacing). */
export function wordDiff(oldText: string, newText: string): DiffSegment[] {
  const changes = diffArrays(tokenizePersian(oldText), tokenizePersian(newText), {
    comparator: (a, b) => comparisonKey(a) === comparisonKey(b),
  });
  const raw: DiffSegment[] = changes.map((c) => ({
    kind: c.added ? 'inserted' : c.removed ? 'deleted' : 'same',
    text: c.value.join(''),
  }));
  return groupChanges(raw);
}

/**
 * A replaced phrase comes out of the diff as alternating fragments around the unchanged
 * spaces between its words («پنج» «سه» « » «روز» «هفته»). Spaces between two changes belong
 * to the change (they are on both sides, so to both the deletion and the insertion), and each
 * run of changes is read as one deletion followed by one insertion.
 */
function groupChanges(raw: readonly DiffSegment[]): DiffSegment[] {
  const isChange = (s: DiffSegment | undefined) => s !== undefined && s.kind !== 'same';
  const segments: DiffSegment[] = [];
  const pushSame = (text: string) => {
    const last = segments.at(-1);
    if (last?.kind === 'same') segments[segments.length - 1] = { kind: 'same', text: last.text + text };
    else if (text) segments.push({ kind: 'same', text });
  };
  let deleted = '';
  let inserted = '';
  const flushChange = () => {
    // A space both sides of a replacement start or end with is not part of it: keep it
    // out of the marked text, where it would show as a struck-through or underlined gap.
    const lead = deleted && inserted ? sharedEdgeSpace(deleted, inserted, /^\s+/) : '';
    const trail = deleted && inserted ? sharedEdgeSpace(deleted, inserted, /\s+$/) : '';
    const strip = (text: string) => text.replace(/^\s+/, lead ? '' : '$&').replace(/\s+$/, trail ? '' : '$&');
    pushSame(lead);
    if (strip(deleted)) segments.push({ kind: 'deleted', text: strip(deleted) });
    if (strip(inserted)) segments.push({ kind: 'inserted', text: strip(inserted) });
    pushSame(trail);
    deleted = inserted = '';
  };

  raw.forEach((segment, i) => {
    if (segment.kind === 'deleted') deleted += segment.text;
    else if (segment.kind === 'inserted') inserted += segment.text;
    else if (isWhitespace(segment.text) && isChange(raw[i - 1]) && isChange(raw[i + 1])) {
      deleted += segment.text;
      inserted += segment.text;
    } else {
      flushChange();
      pushSame(segment.text);
    }
  });
  flushChange();
  return segments;
}

/** The new side's whitespace at an edge (matched by `edge`) when both sides have some there. */
function sharedEdgeSpace(deleted: string, inserted: string, edge: RegExp): string {
  return edge.test(deleted) ? (edge.exec(inserted)?.[0] ?? '') : '';
}

export function hasChanges(segments: readonly DiffSegment[]): boolean {
  return segments.some((s) => s.kind !== 'same');
}

export interface ArticleText {
  /** `ماده-۵`, as made by clauseAnchor; pairs the same article across two versions. */
  readonly anchor: string;
  readonly title: string;
  readonly text: string;
}

export type ArticleChangeKind = 'added' | 'removed' | 'amended' | 'unchanged';

export interface ArticleDiff {
  readonly anchor: string;
  /** The new title, or the old one for a removed article. */
  readonly title: string;
  readonly change: ArticleChangeKind;
  readonly titleSegments: DiffSegment[];
  readonly segments: DiffSegment[];
}

export interface RegulationDiff {
  readonly articles: ArticleDiff[];
  readonly summary: Readonly<Record<ArticleChangeKind, number>>;
}

// Anchors may arrive with either digit set (typed by hand, decoded from a URL).
const anchorKey = (anchor: string) => toAsciiDigits(anchor);

/**
 * The redline of a regulation, article by article, in the new text's order. A removed
 * article is shown where it used to be: after the article that preceded it in the old text.
 */
export function diffByArticle(oldArticles: readonly ArticleText[], newArticles: readonly ArticleText[]): RegulationDiff {
  const oldByAnchor = new Map(oldArticles.map((a) => [anchorKey(a.anchor), a]));
  const newAnchors = new Set(newArticles.map((a) => anchorKey(a.anchor)));

  // Removed articles, keyed by the anchor of the surviving article they followed ('' = the start).
  const removedAfter = new Map<string, ArticleDiff[]>();
  let lastSurvivor = '';
  for (const article of oldArticles) {
    const key = anchorKey(article.anchor);
    if (newAnchors.has(key)) {
      lastSurvivor = key;
      continue;
    }
    const removed: ArticleDiff = {
      anchor: article.anchor,
      title: article.title,
      change: 'removed',
      titleSegments: wordDiff(article.title, ''),
      segments: wordDiff(article.text, ''),
    };
    removedAfter.set(lastSurvivor, [...(removedAfter.get(lastSurvivor) ?? []), removed]);
  }

  const articles: ArticleDiff[] = [...(removedAfter.get('') ?? [])];
  for (const article of newArticles) {
    const key = anchorKey(article.anchor);
    const previous = oldByAnchor.get(key);
    const titleSegments = wordDiff(previous?.title ?? '', article.title);
    const segments = wordDiff(previous?.text ?? '', article.text);
    const change: ArticleChangeKind = !previous
      ? 'added'
      : hasChanges(titleSegments) || hasChanges(segments) ? 'amended' : 'unchanged';
    articles.push({ anchor: article.anchor, title: article.title, change, titleSegments, segments });
    articles.push(...(removedAfter.get(key) ?? []));
  }

  const summary = { added: 0, removed: 0, amended: 0, unchanged: 0 };
  for (const a of articles) summary[a.change] += 1;
  return { articles, summary };
}
