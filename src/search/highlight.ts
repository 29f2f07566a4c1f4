/**
 * Marks the words of a text that match a query, using the same normaliser and stemmer as the
 * engines, so «مشتركين» highlights «مشترکین» and «انشعابات» highlights «انشعاب».
 */
import { normalizePersian } from './normalize';
import { stemPersian } from './stem';
import { terms } from './tokenize';

export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}\u200C\u0640]+/gu;

function wordTerms(word: string): string[] {
  const parts = normalizePersian(word).split('\u200C').filter(Boolean);
  const forms = parts.length > 1 ? [parts.join(''), ...parts] : parts;
  return forms.map(stemPersian);
}

/** The query as the set of terms to mark; the last word also matches as a prefix (typing). */
export function queryMatcher(query: string): (word: string) => boolean {
  const queryTerms = terms(query);
  const set = new Set(queryTerms);
  const last = queryTerms[queryTerms.length - 1];
  return (word) => wordTerms(word).some((t) => set.has(t) || (last !== undefined && last.length >= 2 && t.startsWith(last)));
}

export function highlight(text: string, isMatch: (word: string) => boolean): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!isMatch(m[0])) continue;
    if (m.index! > last) segments.push({ text: text.slice(last, m.index), hit: false });
    segments.push({ text: m[0], hit: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), hit: false });
  return segments;
}

/** A window of about `words` words around the first match, with ellipses where cut. */
export function snippet(text: string, isMatch: (word: string) => boolean, words = 28): Segment[] {
  const tokens = [...text.matchAll(WORD)];
  if (tokens.length <= words) return highlight(text, isMatch);
  const first = Math.max(0, tokens.findIndex((t) => isMatch(t[0])));
  const start = Math.max(0, first - Math.floor(words / 3));
  const end = Math.min(tokens.length, start + words);
  const from = tokens[start]!.index!;
  const to = end < tokens.length ? tokens[end]!.index! : text.length;
  const segments = highlight(text.slice(from, to).trimEnd(), isMatch);
  return [...(start > 0 ? [{ text: '… ', hit: false }] : []), ...segments, ...(end < tokens.length ? [{ text: ' …', hit: false }] : [])];
}
