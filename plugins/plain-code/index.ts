/**
 * Code blocks without syntax highlighting. Regulations, courses and announcements hold no code,
 * yet the classic theme puts prism-react-renderer (its Prism with a dozen grammars, compiled
 * when the script loads) in the main script of every page: about 110 KB that each reader
 * downloads and runs for nothing. The bundle resolves the package to `plain-prism.tsx`, which
 * keeps the `Highlight` interface the theme's CodeBlock uses and renders each line as plain
 * text, so a code block an editor writes still shows, monospaced and left to right.
 * `docusaurus.config.ts` still imports the real package in Node for its theme colours.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

export default function plainCodePlugin(): Plugin {
  return {
    name: 'ayin-plain-code',
    configureWebpack() {
      return { resolve: { alias: { 'prism-react-renderer$': path.resolve(__dirname, 'plain-prism.tsx') } } };
    },
  };
}
