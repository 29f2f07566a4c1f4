/**
 * Builds the embedded search fallback with the site: the Lunr index of the build's audience,
 * holding only the records that audience may read (each build is served to its readers only),
 * and of the regulations only the editions in force and upcoming on the build's day (past
 * editions are searched on Meilisearch; see offlineEditions).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { getCorpus } from '../../src/content/index';
import { buildToday } from '../../src/content/editions';
import { buildRecords, offlineEditions } from '../../src/content/records';
import { buildAudience, readingAudience } from '../../src/content/build-audience';
import { canSee } from '../../src/search/audience';
import { buildLunrIndex } from '../../src/search/lunr-engine';
import { prepareIndex } from '../../src/search/prepare';

export default function searchIndexPlugin(context: LoadContext): Plugin {
  return {
    name: 'ayin-search-index',
    async postBuild({ outDir }) {
      const corpus = getCorpus(context.siteDir);
      const editions = offlineEditions(corpus, buildToday());
      const { records, synonyms } = prepareIndex(buildRecords(corpus, { editions }), corpus.glossary);
      const dir = path.join(outDir, 'search-index');
      mkdirSync(dir, { recursive: true });
      // A build holds the index of its own readers only (editors read what staff read).
      for (const audience of [readingAudience(buildAudience())]) {
        const visible = records.filter((r) => canSee(audience, r.audience));
        writeFileSync(path.join(dir, `${audience}.json`), JSON.stringify({ ...buildLunrIndex(visible, synonyms), ...(editions ? { editions } : {}) }));
      }
    },
  };
}
