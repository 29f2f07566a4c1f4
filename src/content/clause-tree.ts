/**
 * Finds the clauses and the `reg:` links of a regulation's Markdown tree. The same walk serves
 * the validator (which reads the anchors) and the remark plugin (which also writes them into
 * the page), so what is checked is exactly what is published.
 */
import type { Heading, List, Paragraph, Root, RootContent, Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { clauseAnchor, clauseLabel, parseArticleHeading, parseNoteLead, type ClauseKind, type ClauseRef } from '../domain/clauses';

export interface Clause {
  readonly kind: ClauseKind;
  readonly ref: ClauseRef;
  readonly anchor: string;
  readonly label: string;
  readonly line: number;
}

export interface RegLink {
  readonly code: string;
  readonly anchor?: string;
  readonly line: number;
  readonly node: Link;
}

export interface ClauseIssue {
  readonly line: number;
  readonly message: string;
}

export interface ClauseHandlers {
  onArticle?(node: Heading, clause: Clause): void;
  /** May replace the paragraph in its parent: return the node to put in its place. */
  onNote?(node: Paragraph, clause: Clause): RootContent | void;
  onItem?(node: List['children'][number], clause: Clause): void;
}

const lineOf = (node: { position?: { start: { line: number } } }, offset: number) =>
  (node.position?.start.line ?? 1) + offset;

/** `offset` shifts tree lines to file lines (the front matter above the body). */
export function walkClauses(tree: Root, handlers: ClauseHandlers = {}, offset = 0) {
  const clauses: Clause[] = [];
  const issues: ClauseIssue[] = [];
  const seen = new Map<string, number>();
  let article: number | undefined;

  const record = (kind: ClauseKind, ref: ClauseRef, node: { position?: { start: { line: number } } }): Clause => {
    const anchor = clauseAnchor(ref);
    const clause = { kind, ref, anchor, label: clauseLabel(ref), line: lineOf(node, offset) };
    const first = seen.get(anchor);
    if (first !== undefined) {
      issues.push({ line: clause.line, message: `duplicate clause anchor #${anchor} (first at line ${first})` });
    } else {
      seen.set(anchor, clause.line);
    }
    clauses.push(clause);
    return clause;
  };

  tree.children.forEach((node, index) => {
    if (node.type === 'heading' && node.depth <= 2) {
      article = node.depth === 2 ? parseArticleHeading(toString(node)) : undefined;
      if (article === undefined) return;
      const clause = record('article', { article }, node);
      handlers.onArticle?.(node, clause);
      return;
    }
    if (node.type === 'paragraph') {
      const note = noteNumber(node);
      if (note === undefined) return;
      if (article === undefined) {
        issues.push({ line: lineOf(node, offset), message: 'a note (تبصره) must follow an article heading (## ماده N)' });
        return;
      }
      const clause = record('note', { article, note }, node);
      const replacement = handlers.onNote?.(node, clause);
      if (replacement) tree.children[index] = replacement;
      return;
    }
    if (node.type === 'list' && node.ordered && article !== undefined) {
      const start = node.start ?? 1;
      node.children.forEach((item, i) => {
        const clause = record('item', { article: article!, item: start + i }, item);
        handlers.onItem?.(item, clause);
      });
    }
  });
  return { clauses, issues };
}

function noteNumber(paragraph: Paragraph): number | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'strong') return undefined;
  const lead = toString(first);
  const after = paragraph.children[1];
  // Accept both «**تبصره ۱:** متن» and «**تبصره ۱**: متن».
  const colonOutside = after?.type === 'text' && /^\s*[:\-–—]/.test(after.value);
  return parseNoteLead(colonOutside ? `${lead}:` : lead);
}

const REG_LINK = /^reg:([A-Za-z]{2}-\d{3})(?:#(.+))?$/;

/** Every `[text](reg:CODE#anchor)` link, wherever it is in the tree. */
export function findRegLinks(tree: Root, offset = 0): { links: RegLink[]; issues: ClauseIssue[] } {
  const links: RegLink[] = [];
  const issues: ClauseIssue[] = [];
  visit(tree, 'link', (node: Link) => {
    if (!node.url.startsWith('reg:')) return;
    const match = REG_LINK.exec(decodeSafe(node.url));
    if (!match) {
      issues.push({ line: lineOf(node, offset), message: `malformed regulation link "${node.url}"; expected reg:CS-003 or reg:CS-003#ماده-۵` });
      return;
    }
    links.push({ code: match[1]!.toUpperCase(), anchor: match[2], line: lineOf(node, offset), node });
  });
  return { links, issues };
}

function decodeSafe(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
