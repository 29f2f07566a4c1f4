/**
 * The content plugin: validates the whole corpus before anything is built (a bad file fails
 * the build with the same `path:line: field: message` lines as `npm run validate`), shares
 * the taxonomies and the regulation index with the theme, and adds the glossary page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { BuildOptions } from '../../src/content/build-audience';
import { EDITIONS_MANIFEST } from '../../src/content/editions';
import { ContentError, getCorpus } from '../../src/content/index';
import { toSiteData, type AyinSiteData } from './site-data';

export default function ayinContentPlugin(context: LoadContext, { audience, today }: BuildOptions): Plugin<AyinSiteData> {
  // The config has just read the corpus for the first load; `docusaurus start` reloads re-read it.
  let loads = 0;
  return {
    name: 'ayin-content',

    /**
     * The bundler's persistent cache knows nothing of `AYIN_BUILD_AUDIENCE`: a page compiled for
     * staff (with its links to staff-only texts) would be reused in the contractors' build. One
     * cache per audience keeps them apart and still warm.
     */
    configureWebpack(config) {
      const rspackCache = (config as { experiments?: { cache?: { version?: string } | boolean } }).experiments?.cache;
      if (rspackCache && typeof rspackCache === 'object') rspackCache.version = `${rspackCache.version ?? ''}-audience-${audience}`;
      const webpackCache = config.cache as { version?: string } | boolean | undefined;
      if (webpackCache && typeof webpackCache === 'object') webpackCache.version = `${webpackCache.version ?? ''}-audience-${audience}`;
      return {};
    },

    getPathsToWatch() {
      return ['content/**/*.{yml,yaml}'];
    },

    async loadContent() {
      const corpus = getCorpus(context.siteDir, { fresh: loads++ > 0 });
      if (corpus.problems.length) throw new ContentError(corpus.problems);
      return toSiteData(corpus, audience, today);
    },

    async postBuild({ outDir }) {
      // The server reads this to send unversioned regulation URLs to the edition in force today.
      const corpus = getCorpus(context.siteDir);
      const manifest = path.join(outDir, EDITIONS_MANIFEST);
      mkdirSync(path.dirname(manifest), { recursive: true });
      writeFileSync(manifest, JSON.stringify({ editions: corpus.editions.map(({ name, entry }) => ({ name, effective: entry.effective })) }));
    },

    async contentLoaded({ content, actions }) {
      const { glossary, ...globalData } = content;
      actions.setGlobalData(globalData);
      const glossaryData = await actions.createData('glossary.json', JSON.stringify(glossary));
      actions.addRoute({
        path: '/glossary',
        component: '@site/src/components/GlossaryPage/index.tsx',
        modules: { glossary: glossaryData },
        exact: true,
      });
    },
  };
}
