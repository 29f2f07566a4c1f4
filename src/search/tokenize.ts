/**
 * Turns text into search terms, the same way for documents and queries:
 * normalise → split on anything that is not a letter or digit → drop stop words → stem.
 * A ZWNJ compound («آیین‌نامه») yields its joined form and its parts, so it is found as
 * «آیین‌نامه», «آیین نامه», «آییننامه» or «آیین».
 */
import { normalizePersian } from './normalize';
import { stemPersian } from './stem';
import { PERSIAN_STOP_WORDS } from './stopwords';

const STOP = new Set(PERSIAN_STOP_WORDS.map((w) => normalizePersian(w)));
const WORD = /[\p{L}\p{N}\u200C]+/gu;

export interface TokenizeOptions {
  /** Keep stop words (phrases, highlighting). */
  keepStopWords?: boolean;
  /** Skip stemming (exact-form matching). */
  stem?: boolean;
}

/** The words of a text, normalised; compounds as one word with ZWNJ inside. */
export function words(text: string): string[] {
  return normalizePersian(text).match(WORD)?.map((w) => w.replace(/^\u200C+|\u200C+$/g, '')).filter(Boolean) ?? [];
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** Index and query terms: for a compound, its joined form and then each part. */
export function terms(text: string, { keepStopWords = false, stem = true }: TokenizeOptions = {}): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const parts = word.split('\u200C').filter(Boolean);
    // «می‌شود» is two stop words: its joined form «میشود» is one too.
    const joinedIsStop = parts.length > 1 && parts.every((p) => STOP.has(p));
    const forms = parts.length > 1 ? [...(joinedIsStop ? [] : [parts.join('')]), ...parts] : parts;
    for (const form of forms) {
      if (!keepStopWords && STOP.has(form)) continue;
      out.push(stem ? stemPersian(form) : form);
    }
  }
  return out;
}

/** Text for a search engine's own tokenizer: the terms joined by spaces. */
export function searchableText(text: string, options?: TokenizeOptions): string {
  return terms(text, options).join(' ');
}
