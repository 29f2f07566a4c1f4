/**
 * The production build: validate content (fast, with located messages), build the site with
 * Docusaurus once per audience (`build/<audience>/`: what a reader may not see is in no file of
 * their build), precompress it, write the server's private manifest (`build/.server/`: catalog
 * with answer keys, seminars, editions — outside every served folder), and stamp it with what
 * it was built from.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_AUDIENCES, type BuildAudience } from '../../src/content/build-audience';
import { loadCorpus } from '../../src/content/corpus';
import { buildToday, editionForDate } from '../../src/content/editions';
import { ContentError } from '../../src/content/problems';
import { buildKeystaticUi } from './keystatic-ui';
import { formatJalaliIso } from '../../src/domain/jalali';
import { manifestFromCorpus, writeServerManifest } from '../../server/manifest';
import { precompressDir } from './precompress';
import { run } from './run';

export interface BuildOptions {
  siteDir: string;
  outDir?: string;
  /** Default: every audience. */
  audiences?: readonly BuildAudience[];
  log?: (line: string) => void;
}

/** What `build/.ayin-build.json` records: `npm start` rebuilds when the edition in force moved on. */
export interface BuildStamp {
  readonly builtAt: string;
  readonly builtFor: string;
  readonly listedEdition: string | null;
  readonly audiences: readonly BuildAudience[];
}

export async function buildSite({ siteDir, outDir = path.join(siteDir, 'build'), audiences = BUILD_AUDIENCES, log = console.log }: BuildOptions) {
  const started = performance.now();
  const steps = audiences.length + 2;
  log(`1/${steps} Validating content …`);
  const corpus = loadCorpus(siteDir);
  if (corpus.problems.length) throw new ContentError(corpus.problems);
  const editions = corpus.editions.length ? `, ${corpus.editions.length} published editions` : '';
  log(`    ${corpus.regulations.size} regulations${editions}, ${corpus.courses.length} courses, ${corpus.announcements.length} announcements: valid.`);

  for (const [i, audience] of audiences.entries()) {
    log(`${i + 2}/${steps} Building the ${audience} site with Docusaurus …`);
    await run(path.join(siteDir, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', path.join(outDir, audience)], {
      cwd: siteDir,
      env: { AYIN_BUILD_AUDIENCE: audience },
    });
  }

  log(`${steps}/${steps} Precompressing (brotli + gzip) …`);
  for (const audience of audiences) {
    const stats = precompressDir(path.join(outDir, audience), (n) => log(`    ${audience}: ${n} files …`));
    log(`    ${audience}: ${stats.files} files: ${kb(stats.rawBytes)} → ${kb(stats.brotliBytes)} brotli, ${kb(stats.gzipBytes)} gzip.`);
  }

  // The editors' Keystatic is its own bundle (build/.keystatic/), made with the editors' build.
  if (audiences.includes('editor')) {
    const ui = await buildKeystaticUi({ siteDir, outDir });
    log(`    editors' Keystatic → ${path.relative(siteDir, ui.dir)} (${kb(ui.bytes)})`);
  }

  // Written last but before the stamp: a server reloading it sees the content of this build.
  const manifestFile = writeServerManifest(outDir, manifestFromCorpus(corpus));
  log(`    server manifest → ${path.relative(siteDir, manifestFile)}`);

  const today = buildToday();
  const stamp: BuildStamp = {
    builtAt: new Date().toISOString(),
    builtFor: formatJalaliIso(today),
    listedEdition: editionForDate(corpus, today)?.name ?? null,
    audiences,
  };
  writeFileSync(path.join(outDir, '.ayin-build.json'), JSON.stringify(stamp, null, 2));
  log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
