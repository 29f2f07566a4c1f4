/**
 * Stale flags: which quiz questions and lessons cite a clause that an edition changed or
 * repealed, with the clause's redline, so an editor can review them («نیازمند بازبینی»).
 *
 * Clause identity across editions. A clause is its regulation's code plus an anchor made only
 * from its numbers (`ماده-۵-تبصره-۲`, see `clauses.ts`), so rewording a title never breaks a
 * citation. The one renumbering the editions record is a single unnumbered note («تبصره»)
 * becoming «تبصره ۱» when a second note is added; `alignRenumberedNotes` pairs the two, and a
 * cite of `ماده-۵-تبصره` written against the old text follows the note to `ماده-۵-تبصره-۱`.
 * An article renumbered in a new edition has no stored link to its old number: the old
 * anchor reads as removed (the citation is flagged, which is what an editor must see).
 *
 * What a cite covers. An article cite (`ماده-۵`, or one of its items `ماده-۵-بند-۲`: items
 * are inside the article's text, not separate units) covers the article's text and its
 * notes, because a note qualifies the article; a note cite covers that note only.
 */
import { clauseAnchor, parseClauseAnchor, type ClauseRef } from '../clauses';
import { diffTexts, type EditionTexts } from '../edition-history';
import { parseCite } from '../quiz/cites';
import type { ArticleDiff } from '../word-diff';
import { toAsciiDigits } from '../digits';

export type CiterKind = 'question' | 'lesson';

/** A quiz question or a lesson, with the clauses it cites (`reg:CODE#anchor`). */
export interface Citer {
  readonly kind: CiterKind;
  /** Question id (`cc-19`) or lesson id (`customer-conduct/02-disconnection-notices`). */
  readonly id: string;
  readonly course: string;
  readonly cites: readonly string[];
}

export type ClauseChange = 'amended' | 'repealed';

export interface StaleCite {
  readonly cite: string;
  readonly code: string;
  /** The anchor in the changing edition's numbering (a renumbered note is followed). */
  readonly anchor: string;
  readonly change: ClauseChange;
  /** The changed units the cite covers, as the redline shows them (removed ones included). */
  readonly redline: readonly ArticleDiff[];
}

export interface StaleFlag {
  readonly kind: CiterKind;
  readonly id: string;
  readonly course: string;
  /** The edition whose change makes the citer stale. A review is recorded against it. */
  readonly edition: string;
  /** The edition it was compared with. */
  readonly from: string;
  readonly cites: readonly StaleCite[];
}

const key = (anchor: string) => toAsciiDigits(anchor);

/** The cite's clause in the new text's numbering: an unnumbered note that became «تبصره ۱» is followed. */
function followRenumbering(ref: ClauseRef, newAnchors: ReadonlySet<string>): ClauseRef {
  if (ref.note !== 0) return ref;
  const unnumbered = clauseAnchor({ article: ref.article, note: 0 });
  const first = clauseAnchor({ article: ref.article, note: 1 });
  return !newAnchors.has(key(unnumbered)) && newAnchors.has(key(first)) ? { article: ref.article, note: 1 } : ref;
}

/** Whether a redline unit belongs to the clause a cite names (see the header: article cites cover their notes). */
function covers(ref: ClauseRef, unitAnchor: string): boolean {
  const unit = parseClauseAnchor(unitAnchor);
  if (!unit || unit.article !== ref.article) return false;
  return ref.note === undefined ? true : unit.note === ref.note;
}

/**
 * Every (citer, edition) pair where `editions[i]` changed or repealed a clause the citer
 * cites, compared with `editions[i - 1]`. `editions` is the history oldest first, optionally
 * ending with the upcoming text (`next`); the first edition is the baseline and flags nothing.
 */
export function staleFlags(editions: readonly EditionTexts[], citers: readonly Citer[]): StaleFlag[] {
  const flags: StaleFlag[] = [];
  for (let i = 1; i < editions.length; i++) {
    const before = editions[i - 1]!;
    const after = editions[i]!;
    const diffs = new Map<string, ReturnType<typeof diffTexts> | 'gone' | 'unchanged'>();
    const diffOf = (code: string) => {
      if (!diffs.has(code)) {
        const oldText = before.texts.get(code);
        const newText = after.texts.get(code);
        diffs.set(code, !oldText ? 'unchanged' : !newText ? 'gone' : diffTexts(oldText, newText));
      }
      return diffs.get(code)!;
    };

    for (const citer of citers) {
      const stale: StaleCite[] = [];
      for (const cite of citer.cites) {
        const parsed = parseCite(cite);
        const ref = parsed && parseClauseAnchor(parsed.anchor);
        if (!parsed || !ref) continue;
        const diff = diffOf(parsed.code);
        if (diff === 'unchanged') continue;
        if (diff === 'gone') {
          // The whole text left this edition (repealed or superseded): every clause of it goes.
          stale.push({ cite, code: parsed.code, anchor: parsed.anchor, change: 'repealed', redline: [] });
          continue;
        }
        const newAnchors = new Set(after.texts.get(parsed.code)!.articles.map((a) => key(a.anchor)));
        const followed = followRenumbering(ref, newAnchors);
        const redline = diff.articles.filter((a) => a.change !== 'unchanged' && covers(followed, a.anchor));
        if (!redline.length) continue;
        const own = clauseAnchor({ article: followed.article, ...(followed.note !== undefined ? { note: followed.note } : {}) });
        const repealed = !newAnchors.has(key(own));
        stale.push({ cite, code: parsed.code, anchor: clauseAnchor(followed), change: repealed ? 'repealed' : 'amended', redline });
      }
      if (stale.length) flags.push({ kind: citer.kind, id: citer.id, course: citer.course, edition: after.name, from: before.name, cites: stale });
    }
  }
  return flags;
}

/**
 * Questions that may no longer be drawn: one of their cites names a clause the newest
 * edition does not hold (its regulation or the clause itself was repealed).
 */
export function questionsOnRepealedClauses(newest: EditionTexts, citers: readonly Citer[]): Set<string> {
  const out = new Set<string>();
  for (const citer of citers) {
    if (citer.kind !== 'question') continue;
    const gone = citer.cites.some((cite) => {
      const parsed = parseCite(cite);
      const ref = parsed && parseClauseAnchor(parsed.anchor);
      if (!parsed || !ref) return false;
      const text = newest.texts.get(parsed.code);
      if (!text) return true;
      const anchors = new Set(text.articles.map((a) => key(a.anchor)));
      const followed = followRenumbering(ref, anchors);
      return !anchors.has(key(clauseAnchor({ article: followed.article, ...(followed.note !== undefined ? { note: followed.note } : {}) })));
    });
    if (gone) out.add(citer.id);
  }
  return out;
}
