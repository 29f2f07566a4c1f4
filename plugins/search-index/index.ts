/**
 * Builds the embedded search fallback with the site: the Lunr index of the build's audience,
 * holding only the records that audience may read (each build is served to its readers only),
 * every published edition of the regulations, a clause that reads the same in consecutive
 * editions once (src/search/editions.ts mergeUnchanged).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { getCorpus } from '../../src/content/index';
import { buildRecords } from '../../src/content/records';
import { readingAudience, type BuildOptions } from '../../src/content/build-audience';
import { canSee } from '../../src/search/audience';
import { mergeUnchanged } from '../../src/search/editions';
import { buildLunrIndex } from '../../src/search/lunr-engine';
import { prepareIndex } from '../../src/search/prepare';

export default function searchIndexPlugin(context: LoadContext, { audience: build }: BuildOptions): Plugin {
  return {
    name: 'ayin-search-index',
    async postBuild({ outDir }) {
      const corpus = getCorpus(context.siteDir);
      const editions = corpus.editions.map((e) => e.name);
      const { records, synonyms } = prepareIndex(mergeUnchanged(buildRecords(corpus), editions), corpus.glossary);
      const dir = path.join(outDir, 'search-index');
      mkdirSync(dir, { recursive: true });
      // A build holds the index of its own readers only (editors read what staff read).
      for (const audience of [readingAudience(build)]) {
        const visible = records.filter((r) => canSee(audience, r.audience));
        writeFileSync(path.join(dir, `${audience}.json`), JSON.stringify(buildLunrIndex(visible, synonyms)));
      }
    },
  };
}
