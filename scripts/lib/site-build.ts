/**
 * The production build: validate content (fast, with located messages), build the site with
 * Docusaurus, precompress it, and stamp it with what it was built from.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../../src/content/corpus';
import { ContentError } from '../../src/content/problems';
import { precompressDir } from './precompress';
import { run } from './run';

export interface BuildOptions {
  siteDir: string;
  outDir?: string;
  log?: (line: string) => void;
}

export async function buildSite({ siteDir, outDir = path.join(siteDir, 'build'), log = console.log }: BuildOptions) {
  const started = performance.now();
  log('1/3 Validating content …');
  const corpus = loadCorpus(siteDir);
  if (corpus.problems.length) throw new ContentError(corpus.problems);
  log(`    ${corpus.regulations.size} regulations, ${corpus.courses.length} courses, ${corpus.announcements.length} announcements: valid.`);

  log('2/3 Building the site with Docusaurus (about a minute on 2 cores) …');
  await run(path.join(siteDir, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', outDir], { cwd: siteDir });

  log('3/3 Precompressing (brotli + gzip) …');
  const stats = precompressDir(outDir, (n) => log(`    ${n} files …`));
  log(`    ${stats.files} files: ${kb(stats.rawBytes)} → ${kb(stats.brotliBytes)} brotli, ${kb(stats.gzipBytes)} gzip.`);

  writeFileSync(path.join(outDir, '.ayin-build.json'), JSON.stringify({ builtAt: new Date().toISOString() }, null, 2));
  log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
