/** Parses an MDX body the way Docusaurus does (MDX + GFM), for validation outside the build. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

export type ParseResult = { ok: true; tree: Root } | { ok: false; line: number; message: string };

export function parseMdx(body: string): ParseResult {
  try {
    return { ok: true, tree: processor.runSync(processor.parse(body)) as Root };
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    return { ok: false, line, message: e.reason ?? e.message };
  }
}
