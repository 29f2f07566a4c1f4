/** The sample corpus as the tests expect to see it: read from the files, not hard-coded. */
import path from 'node:path';
import { loadCorpus } from '../../src/content/corpus';
import { buildToday, listedRegulations } from '../../src/content/editions';

export const corpus = loadCorpus(path.resolve(__dirname, '../..'));

/** The texts the built site lists: the edition in force when it was built (today). */
export const listed = listedRegulations(corpus, buildToday());

export function regulation(code: string) {
  const reg = listed.get(code);
  if (!reg) throw new Error(`the sample corpus's edition in force has no ${code}`);
  return reg;
}
