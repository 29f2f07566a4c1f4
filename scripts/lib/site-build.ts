/**
 * The production build: validate content (fast, with located messages), build the site with
 * Docusaurus once per audience (`build/<audience>/`: what a reader may not see is in no file of
 * their build), precompress it, write the server's private manifest (`build/.server/`: catalog
 * with answer keys, seminars, editions — outside every served folder), and stamp it with what
 * it was built from.
 *
 * Each audience is built from a site folder of its own (`build/.sites/<audience>/`, see
 * build/audience-site.ts: private generated files and bundler cache), so audiences can be built
 * side by side; into `build/.staging/<audience>/`, and moved into place only when it is
 * complete and compressed, so a server that keeps serving while a build runs (`npm start`)
 * never hands anyone half a build: readers keep the previous one until the rename.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_AUDIENCES, type BuildAudience } from '../../src/content/build-audience';
import { loadCorpus, type Corpus } from '../../src/content/corpus';
import { buildToday, editionForDate } from '../../src/content/editions';
import { ContentError } from '../../src/content/problems';
import { buildKeystaticUi } from './keystatic-ui';
import { formatJalaliIso } from '../../src/domain/jalali';
import { manifestFromCorpus, writeServerManifest } from '../../server/manifest';
import { prepareAudienceSite } from './build/audience-site';
import { precompressDir } from './precompress';
import { run } from './run';

export interface BuildOptions {
  siteDir: string;
  outDir?: string;
  /** Default: every audience. */
  audiences?: readonly BuildAudience[];
  /** How many audiences are built at once (default 1: one after another). */
  parallel?: number;
  log?: (line: string) => void;
}

/** What one audience's build was made from: `npm start` rebuilds it when either moved on. */
export interface AudienceStamp {
  readonly builtAt: string;
  /** Newest modification time of the sources when the build started (ms since epoch). */
  readonly sourcesAt: number;
  /** The edition in force on the build day (default links and listings point to it). */
  readonly listedEdition: string | null;
}

/** `build/.ayin-build.json`. */
export interface BuildStamp {
  readonly builtAt: string;
  readonly builtFor: string;
  readonly listedEdition: string | null;
  readonly audiences: Partial<Record<BuildAudience, AudienceStamp>>;
}

const STAMP_FILE = '.ayin-build.json';
const STAGING_DIR = '.staging';
/**
 * Audiences built at once by `npm run build` and `npm start` (after the public site, which
 * `npm start` builds alone so that it is served first). Measured on 2 cores in BENCHMARKS.md
 * ("Build"): two side by side use both cores; more only queue for them and add memory.
 */
export const DEFAULT_PARALLEL_BUILDS = 2;

export function readBuildStamp(outDir: string): BuildStamp | undefined {
  const file = path.join(outDir, STAMP_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildStamp>;
    // A stamp from before per-audience stamps (a list of names) says nothing usable.
    if (!stamp.audiences || Array.isArray(stamp.audiences)) return undefined;
    return stamp as BuildStamp;
  } catch {
    return undefined;
  }
}

/** Validates the content once for every audience that follows. */
export function validateContent(siteDir: string, log: (line: string) => void = console.log): Corpus {
  const corpus = loadCorpus(siteDir);
  if (corpus.problems.length) throw new ContentError(corpus.problems);
  const editions = corpus.editions.length ? `, ${corpus.editions.length} published editions` : '';
  log(`    ${corpus.regulations.size} regulations${editions}, ${corpus.courses.length} courses, ${corpus.announcements.length} announcements: valid.`);
  return corpus;
}

/** The server's private manifest; written before the first build is moved into place. */
export function writeManifestOf(corpus: Corpus, outDir: string, siteDir: string, log: (line: string) => void = console.log): void {
  const manifestFile = writeServerManifest(outDir, manifestFromCorpus(corpus));
  log(`    server manifest → ${path.relative(siteDir, manifestFile)}`);
}

/**
 * Builds one audience into the staging folder, precompresses it and moves it into place
 * (`outDir/<audience>`): the old build stays served until the moment of the rename.
 */
export async function buildAudienceSite({ siteDir, outDir, audience, corpus, sourcesAt, log = console.log, prefixOutput = false }: {
  siteDir: string;
  outDir: string;
  audience: BuildAudience;
  corpus: Corpus;
  sourcesAt: number;
  log?: (line: string) => void;
  /** Mark Docusaurus's lines with the audience (several builds write to one terminal). */
  prefixOutput?: boolean;
}): Promise<AudienceStamp> {
  const staging = path.join(outDir, STAGING_DIR, audience);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(staging), { recursive: true });
  const started = performance.now();
  const audienceSite = prepareAudienceSite({ siteDir, outDir, audience });
  await run(path.join(siteDir, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', staging], {
    cwd: audienceSite,
    env: { AYIN_BUILD_AUDIENCE: audience },
    prefix: prefixOutput ? `[${audience}] ` : undefined,
  });
  const stats = precompressDir(staging);
  log(`    ${audience}: built in ${((performance.now() - started) / 1000).toFixed(1)} s; ${stats.files} files: ${kb(stats.rawBytes)} → ${kb(stats.brotliBytes)} brotli, ${kb(stats.gzipBytes)} gzip.`);
  moveIntoPlace(staging, path.join(outDir, audience));
  // The editors' Keystatic is its own bundle (build/.keystatic/), made with the editors' build.
  if (audience === 'editor') {
    const ui = await buildKeystaticUi({ siteDir, outDir });
    log(`    editors' Keystatic → ${path.relative(siteDir, ui.dir)} (${kb(ui.bytes)})`);
  }
  const stamp: AudienceStamp = { builtAt: new Date().toISOString(), sourcesAt, listedEdition: editionForDate(corpus, buildToday())?.name ?? null };
  recordAudience(outDir, audience, stamp);
  return stamp;
}

/**
 * Two renames: the old build aside, the new one in. Between them (microseconds) the server
 * finds no build and answers with its "being prepared" page, never with another audience's.
 */
function moveIntoPlace(staging: string, target: string) {
  const retired = `${target}.retired-${process.pid}-${Date.now()}`;
  if (existsSync(target)) renameSync(target, retired);
  renameSync(staging, target);
  rmSync(retired, { recursive: true, force: true });
}

function recordAudience(outDir: string, audience: BuildAudience, stamp: AudienceStamp) {
  const previous = readBuildStamp(outDir);
  const next: BuildStamp = {
    builtAt: stamp.builtAt,
    builtFor: formatJalaliIso(buildToday()),
    listedEdition: stamp.listedEdition,
    audiences: { ...previous?.audiences, [audience]: stamp },
  };
  const file = path.join(outDir, STAMP_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** Every audience, `parallel` at a time, in the order given (each in its own site folder). */
export async function buildSite({ siteDir, outDir = path.join(siteDir, 'build'), audiences = BUILD_AUDIENCES, parallel = 1, log = console.log }: BuildOptions) {
  const started = performance.now();
  const sourcesAt = Date.now();
  log(`1/${audiences.length + 1} Validating content …`);
  const corpus = validateContent(siteDir, log);
  mkdirSync(outDir, { recursive: true });
  writeManifestOf(corpus, outDir, siteDir, log);
  await inPool(audiences, parallel, async (audience, i) => {
    log(`${i + 2}/${audiences.length + 1} Building the ${audience} site with Docusaurus …`);
    await buildAudienceSite({ siteDir, outDir, audience, corpus, sourcesAt, log, prefixOutput: parallel > 1 });
  });
  log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
}

/**
 * Runs `task` for each item, at most `limit` at once, starting them in order; the first
 * failure is thrown once the tasks under way have ended (no build is left running behind).
 */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length && !errors.length) {
      const index = next++;
      await task(items[index]!, index).catch((error: unknown) => void errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (errors.length) throw errors[0];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
