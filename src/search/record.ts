/** A search record: one clause or section of a page, DocSearch-style, with its filters. */
export type RecordKind = 'regulation' | 'lesson' | 'announcement' | 'glossary' | 'seminar';

export interface SearchRecord {
  /** Unique and stable, [A-Za-z0-9_-] only (Meilisearch's rule for ids). */
  readonly id: string;
  readonly kind: RecordKind;
  /** Page URL without the hash, and the anchor of the clause or section ('' for the page top). */
  readonly url: string;
  readonly anchor: string;
  /** Breadcrumb: area › regulation › article › note. */
  readonly hierarchy: readonly string[];
  /** The clause's own heading, e.g. «ماده ۵ – مهلت رسیدگی» or «ماده ۵، تبصره ۱». */
  readonly title: string;
  /** Plain text of the clause, as written (for snippets). */
  readonly content: string;
  readonly code?: string;
  readonly area?: string;
  readonly type?: string;
  readonly authority?: string;
  readonly audience: readonly string[];
  readonly edition: string;
  readonly status?: string;
  /** Jalali date as a sortable number, 14030701. */
  readonly inForceFrom?: number;
  /** Position of the clause in its page, to keep reading order among equal hits. */
  readonly position: number;
  /**
   * Offline index only: later editions in which this clause reads exactly the same, kept once
   * (src/search/editions.ts `mergeUnchanged`); its page there is at the same URL with that
   * edition's segment.
   */
  readonly alsoIn?: readonly string[];
}

/** What the engines index: the record plus its normalised, stemmed text fields. */
export interface IndexedRecord extends SearchRecord {
  readonly titleTerms: string;
  readonly contentTerms: string;
  readonly codeTerms: string;
}
