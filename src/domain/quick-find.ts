/**
 * The home page's "find by code or title": a forgiving match on the regulation index.
 * Full-text search is the search capability's job; this folds what people type with the same
 * normaliser (ي/ی، ك/ک، نیم‌فاصله، ۰-۹) so a code or a title fragment is found.
 */
import { normalizeJoined } from '../search/normalize';

/** The search normaliser's form, with spaces dropped too: «آیین نامه» finds «آیین‌نامه». */
export function foldForMatch(text: string): string {
  return normalizeJoined(text).replace(/\s+/g, '');
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
