/**
 * The seminars the server knows: read from `content/seminars/` through the corpus loader, so
 * the server and the site agree on ids, audiences, capacities and times. Only valid seminars
 * are served (an invalid file already fails `npm run validate` and the build).
 */
import path from 'node:path';
import { getCorpus } from '../../src/content/index';
import type { SeminarEntry } from '../../src/content/seminars';

const repoRoot = path.resolve(__dirname, '../..');

export function seminarsFromContent(contentRoot: string = repoRoot): readonly SeminarEntry[] {
  return getCorpus(contentRoot).seminars;
}
