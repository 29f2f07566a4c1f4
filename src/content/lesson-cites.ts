/**
 * A lesson's `cites` must name a clause that exists in some text of the regulation: the one
 * being prepared (`docs/`) or any published edition. A lesson written against 1403-07 stays
 * valid when 1404-09 reworded the clause (the stale flags say so instead); a clause found in
 * no edition at all is a typo and fails validation with the line.
 */
import { parseCite } from '../domain/quiz/cites';
import type { Problem } from './problems';

interface CitableText {
  readonly file: string;
  readonly clauses: readonly { readonly anchor: string }[];
}

interface LessonWithCites {
  readonly file: string;
  readonly lesson: { readonly cites: readonly string[] };
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** Code → every clause anchor any of `texts` holds, and the newest file, for the message. */
export function citableClauses(texts: readonly ReadonlyMap<string, CitableText>[]): Map<string, { file: string; anchors: Set<string> }> {
  const citable = new Map<string, { file: string; anchors: Set<string> }>();
  for (const edition of texts) {
    for (const [code, text] of edition) {
      const entry = citable.get(code) ?? { file: text.file, anchors: new Set<string>() };
      text.clauses.forEach((c) => entry.anchors.add(c.anchor));
      citable.set(code, entry);
    }
  }
  return citable;
}

export function checkLessonCites(lessons: readonly LessonWithCites[], citable: ReadonlyMap<string, { file: string; anchors: ReadonlySet<string> }>, problems: Problem[]): void {
  for (const entry of lessons) {
    entry.lesson.cites.forEach((cite, i) => {
      const at = { file: entry.file, line: entry.lineOf(['cites', i]), field: `cites.${i}` };
      const { code, anchor } = parseCite(cite)!;
      const target = citable.get(code);
      if (!target) problems.push({ ...at, message: `no regulation with code ${code} in any edition` });
      else if (!target.anchors.has(anchor)) problems.push({ ...at, message: `${code} has no clause #${anchor} in any edition (newest text: ${target.file})` });
    });
  }
}
