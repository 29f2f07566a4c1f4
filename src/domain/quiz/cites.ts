/**
 * `cites` name clauses the way MDX links do: `reg:CODE#anchor`. Lessons' front matter may
 * leave out the `reg:` (`ES-007#ماده-۵`); both are stored in the `reg:` form.
 */
import { labelForAnchor, parseClauseAnchor, clauseAnchor } from '../clauses';

export interface Cite {
  readonly code: string;
  /** Canonical anchor (Persian digits), e.g. `ماده-۵-تبصره-۲`. */
  readonly anchor: string;
  /** «ماده ۵، تبصره ۲». */
  readonly label: string;
}

const CITE = /^(?:reg:)?([A-Z]{2}-\d{3})#(.+)$/;

/** The code and clause of a cite, or undefined when it is not `[reg:]CODE#clause-anchor`. */
export function parseCite(cite: string): Cite | undefined {
  const match = CITE.exec(cite.trim());
  if (!match) return undefined;
  const ref = parseClauseAnchor(match[2]!);
  if (!ref) return undefined;
  const anchor = clauseAnchor(ref);
  return { code: match[1]!, anchor, label: labelForAnchor(anchor)! };
}
