/**
 * Sidebars of `docs/` (see src/content/sidebars.ts; published editions keep theirs in
 * `versioned_sidebars/`). Only the texts this build's readers may see count.
 */
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { buildAudience, inBuild } from './src/content/build-audience';
import { getCorpus } from './src/content/index';
import { regulationSidebar } from './src/content/sidebars';

const corpus = getCorpus(__dirname);
const audience = buildAudience();
const visible = [...corpus.regulations.values()].filter((r) => inBuild(audience, r.frontMatter.audience));

const sidebars: SidebarsConfig = {
  regulations: regulationSidebar(corpus.taxonomy, visible) as unknown as SidebarsConfig[string],
};

export default sidebars;
