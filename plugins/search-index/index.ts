/**
 * Builds the embedded search fallback with the site: one Lunr index per audience, each
 * holding only the records that audience may read (the server hands out only the visitor's).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { getCorpus } from '../../src/content/index';
import { buildRecords } from '../../src/content/records';
import { AUDIENCES, canSee } from '../../src/search/audience';
import { buildLunrIndex } from '../../src/search/lunr-engine';
import { prepareIndex } from '../../src/search/prepare';

export default function searchIndexPlugin(context: LoadContext): Plugin {
  return {
    name: 'ayin-search-index',
    async postBuild({ outDir }) {
      const corpus = getCorpus(context.siteDir);
      const { records, synonyms } = prepareIndex(buildRecords(corpus), corpus.glossary);
      const dir = path.join(outDir, 'search-index');
      mkdirSync(dir, { recursive: true });
      for (const audience of AUDIENCES) {
        const visible = records.filter((r) => canSee(audience, r.audience));
        writeFileSync(path.join(dir, `${audience}.json`), JSON.stringify(buildLunrIndex(visible, synonyms)));
      }
    },
  };
}
