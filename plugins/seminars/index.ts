/**
 * The seminars plugin, shaped like Docusaurus's own content plugins: `loadContent` reads the
 * validated seminars of the build's audience into plain data, `contentLoaded` turns it into
 * `/seminars` (upcoming and past, decided in the browser) and one `/seminars/<id>` page each.
 * Validation itself is the corpus's (the ayin-content plugin fails the build on any problem).
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { buildAudience } from '../../src/content/build-audience';
import { getCorpus } from '../../src/content/index';
import { SEMINARS_ROUTE } from '../../src/content/seminars';
import { seminarsOfBuild, type SeminarPageData } from './page-data';

export default function seminarsPlugin(context: LoadContext): Plugin<SeminarPageData[]> {
  return {
    name: 'ayin-seminars',

    getPathsToWatch() {
      return ['content/seminars/*.{yml,yaml}'];
    },

    async loadContent() {
      return seminarsOfBuild(getCorpus(context.siteDir), buildAudience());
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
  };
}
