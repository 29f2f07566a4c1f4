/**
 * What happened to each regulation across the published editions, and what changed between
 * two editions. A regulation "changes" in an edition only when its text does (its title or
 * an article, note or other section): front matter alone — `inForceFrom`, `notification`,
 * `status`, keywords — is bookkeeping that follows a text change, not a change of its own, so
 * a re-dated but otherwise identical text keeps its place in the timeline.
 */
import { toPersianDigits } from './digits';
import { diffByArticle, wordDiff, hasChanges, type ArticleDiff, type ArticleText, type RegulationDiff } from './word-diff';
import { parseClauseAnchor } from './clauses';

/** One regulation's text in one edition: what a redline compares. */
export interface RegulationText {
  readonly code: string;
  readonly title: string;
  readonly area: string;
  /** Clause-level units in reading order: each article's own text, then each of its notes. */
  readonly articles: readonly ArticleText[];
  readonly supersedes: readonly string[];
}

export interface EditionTexts {
  readonly name: string;
  readonly texts: ReadonlyMap<string, RegulationText>;
}

export interface RegulationChange {
  readonly edition: string;
  readonly kind: 'added' | 'amended';
  /** For an amendment: «ماده ۵ اصلاح شد، تبصره ۲ ماده ۵ افزوده شد». */
  readonly summary?: string;
}

export interface RegulationHistory {
  readonly code: string;
  /** The newest title. */
  readonly title: string;
  readonly area: string;
  /** Editions where the text changed, oldest first; the first is where it was added (or the baseline). */
  readonly changes: readonly RegulationChange[];
  /** Every edition that holds the text, oldest first. */
  readonly editions: readonly string[];
  readonly repealedIn?: string;
  readonly supersededIn?: string;
  readonly supersededBy: readonly string[];
  readonly supersedes: readonly string[];
}

/**
 * A single unnumbered note (`تبصره`) that becomes «تبصره ۱» when a second one is added is the
 * same note: pair them so the redline shows its wording change instead of a removal and an addition.
 */
export function alignRenumberedNotes(oldArticles: readonly ArticleText[], newArticles: readonly ArticleText[]): ArticleText[] {
  const newAnchors = new Set(newArticles.map((a) => a.anchor));
  return oldArticles.map((a) => {
    if (!a.anchor.endsWith('-تبصره') || newAnchors.has(a.anchor)) return a;
    const first = `${a.anchor}-${toPersianDigits(1)}`;
    return newAnchors.has(first) ? { ...a, anchor: first } : a;
  });
}

/** The redline of two texts of one regulation (either side may be missing). */
export function diffTexts(oldText: RegulationText | undefined, newText: RegulationText | undefined): RegulationDiff & { titleChanged: boolean } {
  const oldArticles = oldText?.articles ?? [];
  const newArticles = newText?.articles ?? [];
  const diff = diffByArticle(alignRenumberedNotes(oldArticles, newArticles), newArticles);
  const titleChanged = hasChanges(wordDiff(oldText?.title ?? '', newText?.title ?? ''));
  return { ...diff, titleChanged };
}

export function textChanged(oldText: RegulationText, newText: RegulationText): boolean {
  const diff = diffTexts(oldText, newText);
  return diff.titleChanged || diff.summary.added + diff.summary.removed + diff.summary.amended > 0;
}

const VERB: Record<Exclude<ArticleDiff['change'], 'unchanged'>, string> = {
  amended: 'اصلاح شد',
  added: 'افزوده شد',
  removed: 'حذف شد',
};

/** A unit's name for a summary: «ماده ۵», «تبصره ۲ ماده ۵», or the section's own heading. */
export function unitName(anchor: string, title: string): string {
  const ref = parseClauseAnchor(anchor);
  if (!ref) return title || 'متن آغازین';
  const article = `ماده ${toPersianDigits(ref.article)}`;
  if (ref.note === undefined) return article;
  return `${ref.note === 0 ? 'تبصره' : `تبصره ${toPersianDigits(ref.note)}`} ${article}`;
}

/** «ماده ۵ اصلاح شد، تبصره ۲ ماده ۵ افزوده شد، عنوان اصلاح شد». */
export function changeSummary(diff: RegulationDiff & { titleChanged?: boolean }): string {
  const parts = diff.articles
    .filter((a) => a.change !== 'unchanged')
    .map((a) => `${unitName(a.anchor, a.title)} ${VERB[a.change as keyof typeof VERB]}`);
  if (diff.titleChanged) parts.unshift('عنوان اصلاح شد');
  return parts.join('، ');
}

/** The article number a unit belongs to (notes go with their article), for grouping a redline. */
export function articleOf(anchor: string): number | undefined {
  return parseClauseAnchor(anchor)?.article;
}

/**
 * Each regulation's history across `editions` (oldest first). A text absent from a later
 * edition is superseded when a text of that edition lists it in `supersedes`, otherwise repealed.
 */
export function regulationHistories(editions: readonly EditionTexts[]): Map<string, RegulationHistory> {
  const codes = new Set(editions.flatMap((e) => [...e.texts.keys()]));
  const supersededBy = new Map<string, Set<string>>();
  for (const edition of editions) {
    for (const text of edition.texts.values()) {
      for (const old of text.supersedes) supersededBy.set(old, (supersededBy.get(old) ?? new Set()).add(text.code));
    }
  }

  const histories = new Map<string, RegulationHistory>();
  for (const code of [...codes].sort()) {
    const changes: RegulationChange[] = [];
    const present: string[] = [];
    let repealedIn: string | undefined;
    let supersededIn: string | undefined;
    let previous: RegulationText | undefined;
    let newest: RegulationText | undefined;
    const supersedes = new Set<string>();

    editions.forEach((edition) => {
      const text = edition.texts.get(code);
      if (!text) {
        if (previous) {
          const replacing = [...edition.texts.values()].some((t) => t.supersedes.includes(code));
          if (replacing) supersededIn = edition.name;
          else repealedIn = edition.name;
        }
        previous = undefined;
        return;
      }
      present.push(edition.name);
      text.supersedes.forEach((s) => supersedes.add(s));
      newest = text;
      if (!previous) {
        // Back after a repeal, or new: either way it is (re-)added here. The first edition is the baseline.
        changes.push({ edition: edition.name, kind: 'added' });
        repealedIn = undefined;
        supersededIn = undefined;
      } else {
        const diff = diffTexts(previous, text);
        const summary = changeSummary(diff);
        if (summary) changes.push({ edition: edition.name, kind: 'amended', summary });
      }
      previous = text;
    });

    histories.set(code, {
      code,
      title: newest!.title,
      area: newest!.area,
      changes,
      editions: present,
      ...(repealedIn ? { repealedIn } : {}),
      ...(supersededIn ? { supersededIn } : {}),
      supersededBy: [...(supersededBy.get(code) ?? [])].sort(),
      supersedes: [...supersedes].sort(),
    });
  }
  return histories;
}

export interface ChangeListEntry {
  readonly code: string;
  readonly title: string;
  readonly area: string;
}

export interface EditionChangeList {
  /** null: `to` is the first edition, the baseline everything else is compared with. */
  readonly from: string | null;
  readonly to: string;
  readonly added: readonly ChangeListEntry[];
  readonly amended: readonly (ChangeListEntry & { readonly summary: string })[];
  readonly repealed: readonly ChangeListEntry[];
  readonly superseded: readonly (ChangeListEntry & { readonly by: readonly string[] })[];
}

const entryOf = (t: RegulationText): ChangeListEntry => ({ code: t.code, title: t.title, area: t.area });
const byCode = <T extends { code: string }>(list: T[]) => list.sort((a, b) => a.code.localeCompare(b.code));

/** Everything that changed from `from` to `to` (any two editions, not only consecutive ones). */
export function editionChanges(from: EditionTexts | undefined, to: EditionTexts): EditionChangeList {
  const added: ChangeListEntry[] = [];
  const amended: (ChangeListEntry & { summary: string })[] = [];
  const repealed: ChangeListEntry[] = [];
  const superseded: (ChangeListEntry & { by: string[] })[] = [];
  if (!from) return { from: null, to: to.name, added, amended, repealed, superseded };

  for (const text of to.texts.values()) {
    const old = from.texts.get(text.code);
    if (!old) added.push(entryOf(text));
    else {
      const summary = changeSummary(diffTexts(old, text));
      if (summary) amended.push({ ...entryOf(text), summary });
    }
  }
  for (const old of from.texts.values()) {
    if (to.texts.has(old.code)) continue;
    const by = [...to.texts.values()].filter((t) => t.supersedes.includes(old.code)).map((t) => t.code);
    if (by.length) superseded.push({ ...entryOf(old), by: by.sort() });
    else repealed.push(entryOf(old));
  }
  return { from: from.name, to: to.name, added: byCode(added), amended: byCode(amended), repealed: byCode(repealed), superseded: byCode(superseded) };
}
