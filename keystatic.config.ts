/**
 * The editors' Keystatic, for the Ayin server (server/editorial/): the content model of
 * src/keystatic/content-model.ts over the taxonomy of the given content root.
 */
import { loadTaxonomy } from './src/content/corpus';
import { keystaticConfigFor } from './src/keystatic/content-model';

export function keystaticConfigAt(contentRoot: string) {
  const problems: { file: string; line: number; field: string; message: string }[] = [];
  const taxonomy = loadTaxonomy(contentRoot, problems as never);
  if (problems.length) throw new Error(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  return keystaticConfigFor(taxonomy);
}

export default keystaticConfigAt(process.cwd());
