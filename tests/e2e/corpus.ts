/** The sample corpus as the tests expect to see it: read from the files, not hard-coded. */
import path from 'node:path';
import { loadCorpus } from '../../src/content/corpus';

export const corpus = loadCorpus(path.resolve(__dirname, '../..'));

export function regulation(code: string) {
  const reg = corpus.regulations.get(code);
  if (!reg) throw new Error(`the sample corpus has no ${code}`);
  return reg;
}
