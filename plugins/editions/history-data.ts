/**
 * The editions plugin's data: each published edition's texts visible to the build's audience,
 * cut into clause units, and what the theme needs from their history — kept compact because
 * global data travels in every page's bundle.
 */
import type { BuildAudience } from '../../src/content/build-audience';
import { inBuild } from '../../src/content/build-audience';
import type { Corpus, Regulation } from '../../src/content/corpus';
import { NEXT_EDITION_PATH } from '../../src/content/editions';
import { regulationArticleTexts } from '../../src/content/regulation-sections';
import {
  diffTexts,
  changeSummary,
  editionChanges,
  regulationHistories,
  type EditionChangeList,
  type EditionTexts,
  type RegulationText,
} from '../../src/domain/edition-history';
import type { RegulationDiff } from '../../src/domain/word-diff';

export function regulationText(corpus: Corpus, reg: Regulation): RegulationText {
  const fm = reg.frontMatter;
  return { code: fm.code, title: fm.title, area: reg.area, articles: regulationArticleTexts(corpus.siteDir, reg.file), supersedes: fm.supersedes };
}

function textsOf(corpus: Corpus, regulations: ReadonlyMap<string, Regulation>, audience: BuildAudience): Map<string, RegulationText> {
  const texts = new Map<string, RegulationText>();
  for (const [code, reg] of regulations) if (inBuild(audience, reg.frontMatter.audience)) texts.set(code, regulationText(corpus, reg));
  return texts;
}

/** A text's history as the timeline reads it: `[edition, summary of the change]`, oldest first. */
export interface CompactHistory {
  readonly title: string;
  readonly area: string;
  /** `[edition]` where added (or the baseline), `[edition, «ماده ۵ اصلاح شد…»]` where amended. */
  readonly changes: readonly (readonly [string] | readonly [string, string])[];
  readonly repealedIn?: string;
  readonly supersededIn?: string;
  readonly supersededBy?: readonly string[];
  readonly supersedes?: readonly string[];
}

export interface EditionsGlobalData {
  /** Codes → history, only texts this build's readers may see. */
  readonly histories: Readonly<Record<string, CompactHistory>>;
  /** The editors' build compares `next` (docs/) with the published editions. */
  readonly hasNext: boolean;
}

export interface RedlinePageData {
  readonly code: string;
  readonly title: string;
  readonly area: string;
  readonly from: string;
  readonly to: string;
  readonly summary: string;
  readonly diff: RegulationDiff & { titleChanged: boolean };
}

export interface EditionPageData {
  readonly name: string;
  readonly changes: EditionChangeList;
}

export interface EditionsContent {
  readonly global: EditionsGlobalData;
  readonly redlines: readonly RedlinePageData[];
  readonly editionPages: readonly EditionPageData[];
  /** `edition` (or `next`) → code → text, written as `/edition-texts/<edition>/<CODE>.json`. */
  readonly texts: ReadonlyMap<string, ReadonlyMap<string, RegulationText>>;
}

export function editionsContent(corpus: Corpus, audience: BuildAudience): EditionsContent {
  const editions: EditionTexts[] = corpus.editions.map((e) => ({ name: e.name, texts: textsOf(corpus, e.regulations, audience) }));
  const histories = regulationHistories(editions);
  const byName = new Map(editions.map((e) => [e.name, e]));

  const compact: Record<string, CompactHistory> = {};
  const redlines: RedlinePageData[] = [];
  for (const [code, h] of histories) {
    compact[code] = {
      title: h.title,
      area: h.area,
      changes: h.changes.map((c) => (c.summary ? [c.edition, c.summary] : [c.edition])),
      ...(h.repealedIn ? { repealedIn: h.repealedIn } : {}),
      ...(h.supersededIn ? { supersededIn: h.supersededIn } : {}),
      ...(h.supersededBy.length ? { supersededBy: h.supersededBy } : {}),
      ...(h.supersedes.length ? { supersedes: h.supersedes } : {}),
    };
    // A redline for each amendment, against the edition it amended (the one before it).
    for (const change of h.changes) {
      if (change.kind !== 'amended') continue;
      const index = editions.findIndex((e) => e.name === change.edition);
      const from = editions[index - 1]!;
      const oldText = from.texts.get(code)!;
      const newText = byName.get(change.edition)!.texts.get(code)!;
      const diff = diffTexts(oldText, newText);
      redlines.push({ code, title: newText.title, area: newText.area, from: from.name, to: change.edition, summary: changeSummary(diff), diff });
    }
  }

  const editionPages = editions.map((edition, i) => ({ name: edition.name, changes: editionChanges(editions[i - 1], edition) }));
  const texts = new Map<string, ReadonlyMap<string, RegulationText>>(editions.map((e) => [e.name, e.texts]));
  const hasNext = audience === 'editor' && corpus.editions.length > 0;
  if (hasNext) texts.set(NEXT_EDITION_PATH, textsOf(corpus, corpus.regulations, audience));
  return { global: { histories: compact, hasNext }, redlines, editionPages, texts };
}
