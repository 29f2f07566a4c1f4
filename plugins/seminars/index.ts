/**
 * The seminars plugin, shaped like Docusaurus's own content plugins: `loadContent` reads the
 * validated seminars of the build's audience into plain data, `contentLoaded` turns it into
 * `/seminars` (upcoming and past, decided in the browser) and one `/seminars/<id>` page each.
 * `postBuild` removes the files of seminars this build does not show. Validation itself is the
 * corpus's (the ayin-content plugin fails the build on any problem).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { BuildOptions } from '../../src/content/build-audience';
import { getCorpus } from '../../src/content/index';
import { SEMINARS_ROUTE } from '../../src/content/seminars';
import { seminarsOfBuild, type SeminarPageData } from './page-data';

export default function seminarsPlugin(context: LoadContext, { audience, today }: BuildOptions): Plugin<SeminarPageData[]> {
  return {
    name: 'ayin-seminars',

    getPathsToWatch() {
      return ['content/seminars/*.{yml,yaml}'];
    },

    async loadContent() {
      return seminarsOfBuild(getCorpus(context.siteDir), audience, today);
    },

    async contentLoaded({ content, actions }) {
      const list = await actions.createData('seminars.json', JSON.stringify(content));
      actions.addRoute({
        path: SEMINARS_ROUTE,
        component: '@site/src/components/Seminars/SeminarListPage.tsx',
        modules: { seminars: list },
        exact: true,
      });
      for (const seminar of content) {
        const data = await actions.createData(`seminar-${seminar.id}.json`, JSON.stringify(seminar));
        actions.addRoute({
          path: seminar.permalink,
          component: '@site/src/components/Seminars/SeminarPage.tsx',
          modules: { seminar: data },
          exact: true,
        });
      }
    },

    /**
     * `static/` is copied into every build whole; a seminar's slides and handouts are as
     * restricted as the seminar. Keep only the folders of this build's seminars.
     */
    async postBuild({ outDir, content }) {
      const dir = path.join(outDir, SEMINARS_ROUTE.slice(1));
      if (!existsSync(dir)) return;
      const visible = new Set(content.map((s) => s.id));
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !visible.has(entry.name)) rmSync(path.join(dir, entry.name), { recursive: true, force: true });
      }
    },
  };
}
