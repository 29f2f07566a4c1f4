/**
 * The editions plugin, shaped like Docusaurus's own content plugins: `loadContent` reads each
 * published edition's texts (only those of the build's audience) and works out their history
 * (src/domain/edition-history.ts); `contentLoaded` turns that into the timeline's global data,
 * a redline page per amendment (`/redline/<CODE>/<from>/<to>`), the editions list and one
 * change list per edition (`/editions`, `/editions/<name>`), the on-demand comparison
 * (`/compare`) and the point-in-time resolver (`/at`); `postBuild` writes each text as JSON
 * (`/edition-texts/<edition>/<CODE>.json`) for the comparison to fetch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { BuildOptions } from '../../src/content/build-audience';
import { getCorpus } from '../../src/content/index';
import { AT_ROUTE, COMPARE_ROUTE, EDITION_TEXTS_DIR, EDITIONS_ROUTE, editionPagePath, REDLINE_ROUTE, redlinePath } from '../../src/lib/edition-paths';
import { editionsContent, type EditionsContent } from './history-data';

export default function editionsPlugin(context: LoadContext, { audience }: BuildOptions): Plugin<EditionsContent> {
  return {
    name: 'ayin-editions',

    async loadContent() {
      return editionsContent(getCorpus(context.siteDir), audience);
    },

    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content.global);
      const component = (name: string) => `@site/src/components/Redline/${name}.tsx`;

      for (const redline of content.redlines) {
        const data = await actions.createData(`redline-${redline.code}-${redline.from}-${redline.to}.json`, JSON.stringify(redline));
        actions.addRoute({ path: redlinePath(redline.code, redline.from, redline.to), component: component('RedlinePage'), modules: { redline: data }, exact: true });
      }
      const list = content.editionPages.map(({ name, changes }) => ({
        name,
        added: changes.added.length,
        amended: changes.amended.length,
        repealed: changes.repealed.length + changes.superseded.length,
      }));
      const listData = await actions.createData('editions-list.json', JSON.stringify(list));
      // Not exact, and after the editions' own pages: `/editions/<unknown>` gets the list with a Persian message.
      actions.addRoute({ path: EDITIONS_ROUTE, component: component('EditionsPage'), modules: { counts: listData }, exact: false, priority: -1 });
      for (const page of content.editionPages) {
        const data = await actions.createData(`edition-${page.name}.json`, JSON.stringify(page));
        actions.addRoute({ path: editionPagePath(page.name), component: component('EditionPage'), modules: { edition: data }, exact: true });
      }
      actions.addRoute({ path: COMPARE_ROUTE, component: component('ComparePage'), exact: true });
      actions.addRoute({ path: AT_ROUTE, component: component('AtPage'), exact: true });
      // Any other /redline/… (an unknown edition, a pair with no amendment):
      // a page that explains in Persian, or compares on demand, instead of a bare 404.
      // Lowest priority: routes are otherwise sorted by path, and ':' would sort before the real ones.
      actions.addRoute({ path: REDLINE_ROUTE, component: component('RedlineFallback'), exact: false, priority: -1 });
    },

    async postBuild({ outDir, content }) {
      for (const [edition, texts] of content.texts) {
        const dir = path.join(outDir, EDITION_TEXTS_DIR, edition);
        mkdirSync(dir, { recursive: true });
        for (const [code, text] of texts) writeFileSync(path.join(dir, `${code}.json`), JSON.stringify(text));
        // The whole-edition comparison starts from the list of codes.
        writeFileSync(path.join(dir, 'index.json'), JSON.stringify([...texts.keys()].sort()));
      }
    },
  };
}
