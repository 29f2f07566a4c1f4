/** The evaluation collection stays true to the corpus it judges. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCollection } from '../../scripts/lib/search-eval/collection';
import { loadCorpus } from '../../src/content/corpus';
import { buildRecords } from '../../src/content/records';
import { repoRoot } from '../support/fixture-site';

describe('tests/search-eval', () => {
  const collection = readCollection(path.join(repoRoot, 'tests/search-eval'));
  const records = buildRecords(loadCorpus(repoRoot));

  it('has docs.jsonl equal to the current corpus records (regenerate with scripts/search-export-collection.ts)', () => {
    expect(collection.docs.map((d) => d.id)).toEqual(records.map((r) => r.id));
    expect(collection.docs.map((d) => d.text)).toEqual(records.map((r) => r.content));
  });

  it('judges every query, at least one document directly relevant', () => {
    expect(collection.queries.length).toBeGreaterThanOrEqual(80);
    for (const q of collection.queries) {
      const judged = collection.qrels.get(q.id);
      expect(judged, q.id).toBeDefined();
      expect([...judged!.values()].some((grade) => grade >= 2), q.id).toBe(true);
    }
  });
});
