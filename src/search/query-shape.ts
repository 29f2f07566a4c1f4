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
  /** Adjacent terms written together («صورت حساب» → «صورتحساب»), for texts that join them. */
  readonly joined: readonly string[];
}

export function shapeQuery(query: string): ShapedQuery {
  const all = terms(query);
  const shape: QueryShape = CODE.test(normalizePersian(query)) ? 'code' : all.length >= LONG_QUERY_TERMS ? 'long' : 'short';
  const kept = shape === 'long' ? all.filter((t) => !QUESTION.has(t)) : all;
  const chosen = [...new Set(kept.length ? kept : all)];
  return { shape, terms: chosen, joined: chosen.slice(1).map((t, i) => chosen[i] + t) };
}
