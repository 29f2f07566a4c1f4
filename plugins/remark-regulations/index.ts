/**
 * Remark plugin for regulation pages, lessons and announcements:
 * - gives articles, notes and items their clause anchors (the same walk the validator uses)
 *   and wraps notes in <Clause> so they can be cited;
 * - turns `reg:CODE#clause` links into links to the regulation, failing on unknown targets.
 *
 * In the regulations instance a link becomes a relative file link, which Docusaurus resolves
 * inside the same edition; elsewhere it becomes the URL of the current text.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { inBuild, type BuildOptions } from '../../src/content/build-audience';
import { findRegLinks, walkClauses, type RegLink } from '../../src/content/clause-tree';
import type { Corpus, Regulation } from '../../src/content/corpus';
import { linkTarget } from '../../src/content/editions';
import { getCorpus } from '../../src/content/index';

export interface RemarkRegulationsOptions extends BuildOptions {
  siteDir: string;
  /** `file` inside the regulations docs instance, `url` everywhere else. */
  links: 'file' | 'url';
  /** Only regulation pages get clause anchors. */
  clauses: boolean;
}

export default function remarkRegulations(options: RemarkRegulationsOptions) {
  return (tree: Root, file: { path?: string }) => {
    const corpus = getCorpus(options.siteDir);
    const where = file.path ? path.relative(options.siteDir, file.path) : '(unknown file)';

    if (options.clauses) {
      const { issues } = walkClauses(tree, {
        onArticle(node, clause) {
          node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: clause.anchor } };
        },
        onNote(node, clause): MdxJsxFlowElement {
          return {
            type: 'mdxJsxFlowElement',
            name: 'Clause',
            attributes: [
              { type: 'mdxJsxAttribute', name: 'anchor', value: clause.anchor },
              { type: 'mdxJsxAttribute', name: 'label', value: clause.label },
            ],
            children: [node],
          };
        },
        onItem(node, clause) {
          node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: clause.anchor, 'data-clause': clause.label } } as typeof node.data;
        },
      });
      if (issues.length) throw new Error(issues.map((i) => `${where}:${i.line}: clauses: ${i.message}`).join('\n'));
    }

    const { links, issues } = findRegLinks(tree);
    const problems = issues.map((i) => `${where}:${i.line}: link: ${i.message}`);
    const { audience, today } = options;
    const sameEdition = editionOfFile(corpus, where);
    for (const link of links) {
      const target = options.links === 'file' ? sameEdition.get(link.code) : linkTarget(corpus, link.code, today);
      if (!target) {
        problems.push(`${where}:${link.line}: link: no regulation with code ${link.code}`);
        continue;
      }
      if (link.anchor && !target.clauses.some((c) => c.anchor === link.anchor)) {
        problems.push(`${where}:${link.line}: link: ${link.code} has no clause #${link.anchor}`);
        continue;
      }
      if (!inBuild(audience, target.frontMatter.audience)) {
        unlink(link);
        continue;
      }
      const hash = link.anchor ? `#${link.anchor}` : '';
      // Every regulation sits at <edition root>/<area>/<file>, so this path holds in every edition.
      link.node.url = options.links === 'file' ? `../${target.area}/${path.basename(target.file)}${hash}` : `${target.permalink}${hash}`;
      link.node.data = { ...link.node.data, hProperties: { 'data-reg-code': target.frontMatter.code } } as typeof link.node.data;
    }
    if (problems.length) throw new Error(problems.join('\n'));
  };
}

/** A file under `versioned_docs/version-<name>/` links inside that edition; `docs/` inside itself. */
function editionOfFile(corpus: Corpus, relativePath: string): ReadonlyMap<string, Regulation> {
  const name = /^versioned_docs[\\/]version-([^\\/]+)[\\/]/.exec(relativePath)?.[1];
  return (name && corpus.editions.find((e) => e.name === name)?.regulations) || corpus.regulations;
}

/**
 * A link to a text this build's readers may not see keeps its words and loses its target:
 * the reader learns a rule is cited without the build holding (or pointing at) the text.
 */
function unlink(link: RegLink) {
  const node = link.node as unknown as { type: string; name?: string; attributes?: unknown[]; url?: string; title?: unknown };
  node.type = 'mdxJsxTextElement';
  node.name = 'span';
  node.attributes = [{ type: 'mdxJsxAttribute', name: 'className', value: 'reg-unavailable' }];
  delete node.url;
  delete node.title;
}
