/** Records and synonyms ready for either engine, from the corpus's records and glossary. */
import { toIndexed } from './index-terms';
import type { IndexedRecord, SearchRecord } from './record';
import { synonymGroups, type GlossaryTerm } from './synonyms';

export interface PreparedIndex {
  readonly records: readonly IndexedRecord[];
  readonly synonyms: readonly string[][];
}

export function prepareIndex(records: readonly SearchRecord[], glossary: readonly GlossaryTerm[]): PreparedIndex {
  return { records: records.map(toIndexed), synonyms: synonymGroups(glossary) };
}
