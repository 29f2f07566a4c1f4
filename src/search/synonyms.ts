/**
 * Synonym groups from the glossary (کنتور = لوازم اندازه‌گیری, قبض = صورتحساب, …), in the
 * engines' term form. Meilisearch takes them as its synonyms setting; the Lunr fallback
 * expands queries with them.
 */
import { searchableText } from './tokenize';

export interface GlossaryTerm {
  readonly term: string;
  readonly synonyms: readonly string[];
}

/** Each group: the term and its synonyms, as term strings, deduplicated, at least two. */
export function synonymGroups(glossary: readonly GlossaryTerm[]): string[][] {
  const groups: string[][] = [];
  for (const entry of glossary) {
    const forms = [...new Set([entry.term, ...entry.synonyms].map((t) => searchableText(t)).filter(Boolean))];
    if (forms.length > 1) groups.push(forms);
  }
  return groups;
}

/** Meilisearch's `synonyms` setting: every form maps to the other forms of its groups. */
export function meiliSynonyms(groups: readonly string[][]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const form of group) {
      const others = map.get(form) ?? new Set<string>();
      group.filter((f) => f !== form).forEach((f) => others.add(f));
      map.set(form, others);
    }
  }
  return Object.fromEntries([...map].map(([k, v]) => [k, [...v]]));
}

/** The synonym forms of a query's terms (for engines without a synonyms feature). */
export function expandWithSynonyms(queryText: string, groups: readonly string[][]): string[] {
  const padded = ` ${queryText} `;
  const extra: string[] = [];
  for (const group of groups) {
    if (group.some((form) => padded.includes(` ${form} `))) extra.push(...group.filter((form) => !padded.includes(` ${form} `)));
  }
  return extra;
}
