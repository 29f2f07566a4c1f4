/**
 * Reads YAML (a front matter block or a whole data file) keeping source positions, so a
 * schema error on `notification.date` can be reported at the line where that key is written.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from './problems';

export interface LocatedYaml {
  readonly data: unknown;
  /** 1-based line in the whole file of the value at `path`, or of its nearest parent. */
  lineOf(path: readonly PropertyKey[]): number;
  readonly problems: readonly Problem[];
}

export function parseLocatedYaml(file: string, text: string, firstLine = 1): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: toLine(error.pos[0]),
    field: 'yaml',
    message: error.message.split('\n')[0]!,
  }));

  function lineOf(path: readonly PropertyKey[]): number {
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? toLine((node as Node).range![0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === key);
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode?.range) line = toLine(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if ((node as Node)?.range) line = toLine((node as Node).range![0]);
      } else {
        break;
      }
    }
    return line;
  }

  return { data: problems.length ? undefined : (doc.toJS() ?? {}), lineOf, problems };
}

export interface MarkdownFile {
  readonly frontMatter: LocatedYaml;
  readonly body: string;
  /** 1-based line of the file where `body` starts. */
  readonly bodyLine: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitMarkdown(file: string, source: string): MarkdownFile {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      frontMatter: {
        data: undefined,
        lineOf: () => 1,
        problems: [{ file, line: 1, field: 'front matter', message: 'missing: the file must start with a --- block' }],
      },
      body: source,
      bodyLine: 1,
    };
  }
  const frontMatter = parseLocatedYaml(file, match[1]!, 2);
  const bodyLine = match[0].split('\n').length;
  return { frontMatter, body: source.slice(match[0].length), bodyLine };
}
