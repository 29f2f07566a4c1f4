/**
 * What the timeline and the banners say about one regulation seen in one edition on one day.
 * Pure (no React), so the wording can be reasoned about apart from the page.
 */
import type { CompactHistory } from '@site/plugins/editions/history-data';
import { compareJalali, type JalaliDate } from '@site/src/domain/jalali';
import type { DatedSummary } from '@site/src/lib/edition-status';
import { inForceOn } from '@site/src/lib/edition-status';
import { holdsText } from '@site/src/lib/useEditionHistory';

/** The change whose text an edition shows: the latest change at or before it. */
export function governingChange(history: CompactHistory, names: readonly string[], edition: string): string | undefined {
  const at = names.indexOf(edition);
  return history.changes
    .map(([name]) => name)
    .filter((name) => names.indexOf(name) <= at)
    .at(-1);
}

export type Banner =
  | { kind: 'draft' }
  /** Server render and first paint: true whatever the day. */
  | { kind: 'neutral'; edition: DatedSummary }
  | { kind: 'upcoming'; edition: DatedSummary; inForce?: string; changed: boolean }
  /** The same wording is still in force in a later edition: not "obsolete". */
  | { kind: 'past-same-text'; edition: DatedSummary; inForce: DatedSummary }
  | { kind: 'past'; since: DatedSummary; inForce?: { edition: string; code: string }; ended?: 'repealed' | 'superseded' }
  | { kind: 'coming-change'; coming: DatedSummary; ended?: 'repealed' | 'superseded'; amended: boolean }
  /** In force, and no published edition will change it: the neutral line, confirmed. */
  | { kind: 'in-force'; edition: DatedSummary }
  | { kind: 'none' };

/**
 * The banner for `code` viewed in `edition` (or the draft, `next`) on `today` (null before
 * hydration). `editions` oldest first.
 */
export function bannerFor(
  history: CompactHistory | undefined,
  code: string,
  editions: readonly DatedSummary[],
  edition: string,
  today: JalaliDate | null,
): Banner {
  if (!editions.length) return { kind: 'none' };
  if (edition === 'current' || edition === 'next') return { kind: 'draft' };
  const viewed = editions.find((e) => e.name === edition);
  if (!viewed) return { kind: 'none' };
  if (!today || !history) return { kind: 'neutral', edition: viewed };
  const names = editions.map((e) => e.name);
  const at = inForceOn(editions, today);
  const current = at.status === 'in-force' ? editions.find((e) => e.name === at.edition.name) : undefined;

  if (compareJalali(viewed.date, today) > 0) {
    const inForce = current && holdsText(history, names, current.name) ? current.name : undefined;
    const changed = governingChange(history, names, edition) === edition;
    return { kind: 'upcoming', edition: viewed, inForce, changed };
  }
  if (current && current.name !== edition) {
    // A past edition: is this wording still the one in force?
    if (holdsText(history, names, current.name) && governingChange(history, names, current.name) === governingChange(history, names, edition)) {
      return { kind: 'past-same-text', edition: viewed, inForce: current };
    }
    const viewedIndex = names.indexOf(edition);
    const currentIndex = names.indexOf(current.name);
    const endName = history.repealedIn ?? history.supersededIn;
    const endIndex = endName ? names.indexOf(endName) : -1;
    const nextChange = history.changes.map(([n]) => names.indexOf(n)).find((i) => i > viewedIndex && i <= currentIndex);
    const sinceIndex = Math.min(...[nextChange, endIndex > viewedIndex && endIndex <= currentIndex ? endIndex : undefined].filter((i): i is number => i !== undefined));
    const since = editions[Number.isFinite(sinceIndex) ? sinceIndex : currentIndex]!;
    if (holdsText(history, names, current.name)) return { kind: 'past', since, inForce: { edition: current.name, code } };
    const by = history.supersededBy?.[0];
    if (history.supersededIn && by) return { kind: 'past', since, inForce: { edition: current.name, code: by }, ended: 'superseded' };
    return { kind: 'past', since, ended: 'repealed' };
  }
  // In force today: warn of a published edition that will change it.
  const coming = editions.find((e) => compareJalali(e.date, today) > 0);
  if (!coming) return { kind: 'in-force', edition: viewed };
  const amended = history.changes.some(([n]) => n === coming.name);
  const ended = history.repealedIn === coming.name ? 'repealed' : history.supersededIn === coming.name ? 'superseded' : undefined;
  if (!amended && !ended) return { kind: 'in-force', edition: viewed };
  return { kind: 'coming-change', coming, amended, ended };
}
