/**
 * Writes the sample corpus's search records as an evaluation collection's `docs.jsonl`
 * ({"id","title","text","edition"?}), so queries and judgements can refer to clause ids.
 * Regulations come once per published edition; `edition` says which.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/content/corpus';
import { buildRecords } from '../src/content/records';
import { UNVERSIONED } from '../src/search/editions';

const root = path.resolve(__dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'tests/search-eval/docs.jsonl'));
const records = buildRecords(loadCorpus(root));
const lines = records.map((r) =>
  JSON.stringify({ id: r.id, title: r.hierarchy.join(' › '), text: r.content, ...(r.edition !== UNVERSIONED ? { edition: r.edition } : {}) }),
);
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`Wrote ${records.length} documents to ${path.relative(root, out)}`);
