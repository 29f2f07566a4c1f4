/**
 * What kind of query was typed decides how it is matched. A regulation code («CS-002 ماده ۵»)
 * wants exact code matching; two or three words typed live want every word (the last as a
 * prefix); a question typed as a sentence («اگر مشترک بعد از قطع برق بدهی را پرداخت کند چند
 * ساعت بعد …») carries many words that are not its topic, so its question words are dropped
 * and its terms are scored for how rare they are (BM25), not required all at once.
 */
import { normalizePersian } from './normalize';
import { stemPersian } from './stem';
import { terms } from './tokenize';

export type QueryShape = 'code' | 'short' | 'long';

/** From this many content terms on, a query is treated as a question or sentence. */
export const LONG_QUERY_TERMS = 4;

/**
 * Words that frame a question but say nothing of its topic. Only dropped from long queries:
 * in a short query («مهلت چند روز») every word the reader typed is kept.
 */
export const QUESTION_WORDS: readonly string[] = [
  'آیا', 'اگر', 'وقتی', 'زمانی', 'اینکه', 'چه', 'چی', 'چطور', 'چطوری', 'چگونه', 'چقدر', 'چند', 'چندتا', 'کدام', 'کدوم',
  'کجا', 'کجای', 'کی', 'کسی', 'کسانی', 'چیزی', 'چیزهایی', 'کاری', 'مواردی', 'مواقعی', 'شکلی',
  'می‌توانم', 'می‌توانیم', 'می‌تواند', 'می‌توانند', 'می‌شود', 'می‌شوند', 'نمی‌شود', 'میشه', 'میتونم',
  'باید', 'بکنم', 'بکنیم', 'کنم', 'کنیم', 'کند', 'کنند', 'بدهم', 'بدهد', 'بدهیم', 'دارم', 'داریم', 'دارد', 'دارند',
  'هستم', 'هستیم', 'هست', 'است', 'هستند', 'بود', 'باشد', 'باشم', 'باشند', 'شده', 'شود', 'شوند', 'داده', 'دهد',
  'من', 'ما', 'ام', 'مان', 'خودم', 'خودمان', 'یعنی', 'دقیقا', 'دقیقاً', 'حتما', 'حتماً', 'مثل', 'مثلا', 'مثلاً', 'هم',
  'هنوز', 'دیگر', 'دیگری', 'همه', 'هر', 'یک', 'لطفا', 'لطفاً', 'بگویید', 'بفرمایید', 'نه', 'یا',
];

const QUESTION = new Set(QUESTION_WORDS.flatMap((w) => terms(w, { keepStopWords: true })).concat(QUESTION_WORDS.map((w) => stemPersian(normalizePersian(w)))));

// CS-002, cs002, «es-006 ماده ۳»: a code anywhere makes the query a code lookup.
const CODE = /\b[a-z]{2}\s*-?\s*\d{3}\b/i;

export interface ShapedQuery {
  readonly shape: QueryShape;
  /** The terms matched and scored: stop words out, and for a long query question words out too. */
  readonly terms: readonly string[];
  /**
   * The same terms, per word the reader typed: «زرافه‌نما» is one word whose terms are the joined
   * form and its parts. A match of any of a word's terms is a match of the word.
   */
  readonly words: readonly (readonly string[])[];
  /** Adjacent words written together («صورت حساب» → «صورتحساب»), for texts that join them. */
  readonly joined: readonly string[];
}

/**
 * The shape is decided by the words typed, not by the terms they expand to: a word with a
 * ZWNJ («زرافه‌نما») is one word with three terms, and two such words are still a short query.
 */
export function shapeQuery(query: string): ShapedQuery {
  const typed = normalizePersian(query)
    .split(/\s+/)
    .map((word) => terms(word))
    .filter((wordTerms) => wordTerms.length > 0);
  const shape: QueryShape = CODE.test(normalizePersian(query)) ? 'code' : typed.length >= LONG_QUERY_TERMS ? 'long' : 'short';
  const kept = shape === 'long' ? typed.filter((wordTerms) => !wordTerms.every((t) => QUESTION.has(t))) : typed;
  const words = kept.length ? kept : typed;
  const chosen = [...new Set(words.flat())];
  // A word's first term is its whole form (its parts follow it), so adjacent whole forms join.
  const joined = [...new Set(words.slice(1).map((w, i) => words[i]![0]! + w[0]!))];
  return { shape, terms: chosen, words, joined };
}
