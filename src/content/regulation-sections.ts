/**
 * A regulation page cut into the units people cite and compare: its level-2 sections
 * (articles and other headings) and each article's notes (تبصره), as plain text. Built on the
 * one Markdown parse (`markdown.ts`) and clause walk (`clause-tree.ts`) the validator and the
 * build use, so a redline compares exactly the clauses the page shows.
 *
 * The search records (`records.ts`) cut pages the same way; its private copy of these helpers
 * can import them from here (left alone while the search work on that file is in progress).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { clauseLabel, parseArticleHeading, parseNoteLead } from '../domain/clauses';
import { toPersianDigits } from '../domain/digits';
import type { ArticleText } from '../domain/word-diff';
import { walkClauses } from './clause-tree';
import { splitMarkdown } from './front-matter';
import { parseMdx } from './markdown';

/** Text of a node with spaces between blocks and table cells (mdast's toString runs them together). */
export function plainText(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' || node.type.startsWith('mdx') ? '' : node.value;
  if (!('children' in node)) return '';
  const inline = ['paragraph', 'heading', 'emphasis', 'strong', 'link', 'delete', 'tableCell'].includes(node.type);
  return (node.children as RootContent[]).map(plainText).join(inline ? '' : ' ').replace(/\s+/g, ' ').trim();
}

export function readTree(siteDir: string, file: string): Root | undefined {
  const { body } = splitMarkdown(file, readFileSync(path.join(siteDir, file), 'utf8'));
  const parsed = parseMdx(body);
  return parsed.ok ? parsed.tree : undefined;
}

export interface Section {
  anchor: string;
  title: string;
  /** Article number when the section is an article, for labelling its notes. */
  article?: number;
  nodes: RootContent[];
  notes: { anchor: string; label: string; nodes: RootContent[] }[];
}

/** Cuts a page into sections at level-2 headings; notes (تبصره) become their own parts. */
export function sections(tree: Root, pageTitle: string): Section[] {
  const anchors = new Map<RootContent, string>();
  walkClauses(tree, {
    onArticle: (node, clause) => void anchors.set(node, clause.anchor),
    onNote: (node, clause) => void anchors.set(node, clause.anchor),
  });
  const slugger = new GithubSlugger();
  const result: Section[] = [{ anchor: '', title: pageTitle, nodes: [], notes: [] }];
  for (const node of tree.children) {
    const current = result[result.length - 1]!;
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      const text = toString(node);
      const article = parseArticleHeading(text);
      // Non-clause headings get Docusaurus's own slug, so the anchor is the one on the page.
      const anchor = anchors.get(node) ?? slugger.slug(text);
      if (article !== undefined) slugger.slug(anchor); // keep the slugger's duplicate count in step
      result.push({ anchor, title: text, article, nodes: [], notes: [] });
    } else if (anchors.has(node) && current.article !== undefined) {
      const lead = toString((node as { children: RootContent[] }).children[0] as RootContent);
      const note = parseNoteLead(lead.replace(/[:\s]+$/, '')) ?? 0;
      current.notes.push({ anchor: anchors.get(node)!, label: clauseLabel({ article: current.article, note }), nodes: [node] });
    } else {
      current.nodes.push(node);
    }
  }
  return result.filter((s) => s.nodes.length || s.notes.length || s.anchor !== '');
}

/**
 * The units a redline compares, in reading order: the text before the first heading (anchor
 * ''), each section's own text, and each note on its own (anchor `ماده-۵-تبصره-۲`), so a
 * summary can say «تبصره ۲ ماده ۵ افزوده شد». Blocks are separated by a line break.
 */
/** A block as lines: one per list item (with its number or a bullet) and per table row, so a redline keeps them apart. */
function blockLines(node: RootContent): string {
  if (node.type === 'list') {
    const start = node.start ?? 1;
    return node.children.map((item, i) => `${node.ordered ? `${toPersianDigits(start + i)}. ` : '• '}${plainText(item)}`).join('\n');
  }
  if (node.type === 'table') return node.children.map((row) => row.children.map(plainText).join(' | ')).join('\n');
  return plainText(node);
}

export function articleTexts(tree: Root): ArticleText[] {
  const units: ArticleText[] = [];
  for (const section of sections(tree, '')) {
    const text = section.nodes.map(blockLines).filter(Boolean).join('\n');
    if (section.anchor || text) units.push({ anchor: section.anchor, title: section.title, text });
    for (const note of section.notes) units.push({ anchor: note.anchor, title: note.label, text: note.nodes.map(plainText).join('\n') });
  }
  return units;
}

export function regulationArticleTexts(siteDir: string, file: string): ArticleText[] {
  const tree = readTree(siteDir, file);
  return tree ? articleTexts(tree) : [];
}
