/** Adds the normalised, stemmed fields both engines search to a record. */
import type { IndexedRecord, SearchRecord } from './record';
import { searchableText } from './tokenize';

export function toIndexed(record: SearchRecord): IndexedRecord {
  return {
    ...record,
    titleTerms: searchableText(`${record.title} ${record.hierarchy.slice(1, -1).join(' ')}`),
    contentTerms: searchableText(record.content),
    codeTerms: record.code ? `${record.code.toLowerCase()} ${record.code.replace('-', '').toLowerCase()}` : '',
  };
}
