/**
 * A light Persian stemmer: strips common inflectional suffixes (plurals, comparatives,
 * the ezafe/indefinite «ی») so «انشعابات»، «مشترکین»، «قبض‌ها» meet «انشعاب»، «مشترک»، «قبض».
 * It is deliberately conservative: a suffix comes off only when at least three letters stay,
 * and only one suffix comes off. Index and query go through the same function, so an
 * imperfect stem still matches itself; the cost of a wrong stem is a looser match, which
 * ranking (exact words first) absorbs.
 */

// Longest first; the first that fits is removed.
const SUFFIXES = ['هایی', 'های', 'ترین', 'ها', 'تر', 'ات', 'ین', 'ان', 'ای', 'ی'] as const;
const MIN_STEM = 3;

// Words whose «stem» would be another common word (فرمان → فرم, مهمان → مهم, میزان → میز).
// Written normalised (آ → ا).
const KEEP = new Set([
  'تامین', 'میزان', 'پایان', 'پایین', 'انسان', 'ماشین', 'مهمان', 'فرمان', 'درمان', 'کیفیت',
])

export function stemPersian(word: string): string {
  if (word.length <= MIN_STEM || KEEP.has(word) || !/^[\u0600-\u06FF]+$/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) return word.slice(0, -suffix.length);
  }
  return word;
}
