/**
 * The home page's "find by code or title": a forgiving match on the regulation index.
 * Full-text Persian search is the search capability's job; this only folds the letter and
 * digit variants people type (ي/ی، ك/ک، نیم‌فاصله، ۰-۹) so a code or a title fragment is found.
 */
import { toAsciiDigits } from './digits';

export function foldForMatch(text: string): string {
  return toAsciiDigits(text)
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u200C\u200D\u00A0\s]+/g, '')
    .toLowerCase();
}

export interface QuickFindEntry {
  readonly code: string;
  readonly title: string;
}

export function quickFind<T extends QuickFindEntry>(entries: readonly T[], query: string, limit = 8): T[] {
  const q = foldForMatch(query);
  if (!q) return [];
  const scored = entries
    .map((entry) => {
      const code = foldForMatch(entry.code);
      const title = foldForMatch(entry.title);
      const score = code === q ? 0 : code.startsWith(q) ? 1 : title.includes(q) ? 2 : code.includes(q) ? 3 : -1;
      return { entry, score };
    })
    .filter((s) => s.score >= 0)
    .sort((a, b) => a.score - b.score || a.entry.code.localeCompare(b.entry.code));
  return scored.slice(0, limit).map((s) => s.entry);
}
