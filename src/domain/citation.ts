/**
 * A citation is what staff paste into a letter or a ticket: the regulation's code and title,
 * the clause, and a link that opens that clause.
 */
import { labelForAnchor } from './clauses';

export interface CitationInput {
  readonly code: string;
  readonly title: string;
  /** Clause anchor without `#`; omitted to cite the whole regulation. */
  readonly anchor?: string;
  /** Absolute URL of the regulation page, without a hash. */
  readonly url: string;
}

// U+2068/U+2069 isolate the Latin code so it does not reorder the Persian text around it.
const isolate = (text: string) => `\u2068${text}\u2069`;

export function formatCitation({ code, title, anchor, url }: CitationInput): string {
  const clause = anchor ? labelForAnchor(anchor) : undefined;
  const head = clause ? `${clause} ${title} (${isolate(code)})` : `${title} (${isolate(code)})`;
  const link = anchor ? `${url}#${encodeURIComponent(anchor)}` : url;
  return `${head}\n${link}`;
}
