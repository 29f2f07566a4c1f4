/**
 * Persian text normalisation for search, used at index time and at query time by both
 * engines (Meilisearch and the Lunr fallback), so a query matches however it was typed:
 * Arabic or Persian letters, any digit set, with or without diacritics, tatweel, ZWNJ or
 * bidi marks.
 */

const LETTER_MAP: Record<string, string> = {
  '\u064A': 'ی', // ي Arabic yeh
  '\u0649': 'ی', // ى alef maksura
  '\u06CC': 'ی',
  '\u0626': 'ی', // ئ yeh with hamza (مسئول = مسیول)
  '\u06D0': 'ی',
  '\u0643': 'ک', // ك Arabic kaf
  '\u06AA': 'ک',
  '\u0629': 'ه', // ة teh marbuta
  '\u06C0': 'ه', // ۀ heh with yeh above (خانهٔ)
  '\u06C1': 'ه', // ہ heh goal
  '\u06D5': 'ه', // ە ae
  '\u0623': 'ا', // أ
  '\u0625': 'ا', // إ
  '\u0671': 'ا', // ٱ alef wasla
  '\u0622': 'ا', // آ: users type «ایین» for «آیین»
  '\u0624': 'و', // ؤ
};

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, tatweel, hamza above/below.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0654\u0655]/g;
// Bidi controls and marks: they change nothing a reader sees.
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const ZERO_WIDTH_JOINERS = /[\u200C\u200D\u00AD\uFEFF]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;
// Standalone hamza carries no meaning for matching (ء in «جزء» vs «جزو»).
const HAMZA = /\u0621/g;

function foldDigit(d: string): string {
  const code = d.charCodeAt(0);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return String(code - 0x0660);
}

/**
 * Letters, digits, marks and spaces to one form. ZWNJ is kept as a word-internal joiner
 * marker here (`\u200C`); `tokenize` decides how compounds are indexed.
 */
export function normalizePersian(text: string): string {
  return text
    .normalize('NFKC') // presentation forms (ﻻ، ﮐ) to letters
    .replace(BIDI, '')
    .replace(/[\u0600-\u06FF]/g, (ch) => LETTER_MAP[ch] ?? ch)
    .replace(MARKS, '')
    .replace(HAMZA, '')
    .replace(/[\u06F0-\u06F9\u0660-\u0669]/g, foldDigit)
    .replace(/[\u200D\u00AD\uFEFF]/g, '')
    .replace(/\u200C+/g, '\u200C')
    .replace(SPACES, ' ')
    // A ZWNJ beside a space or at either end joins nothing: dropped, so that removing ZWNJs
    // later (normalizeJoined) cannot leave a space at an end or two spaces in a row.
    .replace(/ ?\u200C ?/g, (m) => (m.includes(' ') ? ' ' : '\u200C'))
    .replace(/^[ \u200C]+|[ \u200C]+$/g, '')
    .toLowerCase()
    .trim();
}

/** Same as normalizePersian, then ZWNJ removed: «آیین‌نامه» → «آییننامه». */
export function normalizeJoined(text: string): string {
  return normalizePersian(text).replace(ZERO_WIDTH_JOINERS, '');
}
