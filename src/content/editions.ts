/**
 * The editions file and the folders Docusaurus keeps editions in:
 * `content/editions.yml` (the record: names, effective dates, notifications, summaries),
 * `versions.json` (Docusaurus's list, newest first) and `versioned_docs/version-<name>/`
 * (each edition's snapshot). The record is the source; the other two must agree with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveEditionAt, todayInTehran } from '../domain/editions';
import type { JalaliDate } from '../domain/jalali';
import type { Corpus, EditionSnapshot, Regulation } from './corpus';
import { parseLocatedYaml } from './front-matter';
import type { Problem } from './problems';
import { editionsSchema, type EditionEntry } from './schemas/edition';
import { validateLocated } from './schema-problems';

export const EDITIONS_FILE = 'content/editions.yml';
export const VERSIONS_FILE = 'versions.json';
/** URL segment of the next edition (`docs/`), in editors' builds only. */
export const NEXT_EDITION_PATH = 'next';

export const editionDocsDir = (name: string) => `versioned_docs/version-${name}`;
export const editionSidebarsFile = (name: string) => `versioned_sidebars/version-${name}-sidebars.json`;

export function loadEditionEntries(siteDir: string, problems: Problem[]): EditionEntry[] {
  const file = path.join(siteDir, EDITIONS_FILE);
  const versionsFile = path.join(siteDir, VERSIONS_FILE);
  if (!existsSync(file)) {
    if (existsSync(versionsFile)) problems.push({ file: VERSIONS_FILE, line: 1, field: '(file)', message: `editions are listed here but ${EDITIONS_FILE} is missing` });
    return [];
  }
  const yaml = parseLocatedYaml(EDITIONS_FILE, readFileSync(file, 'utf8'));
  const { value, problems: found } = validateLocated(EDITIONS_FILE, yaml, editionsSchema);
  problems.push(...found);
  if (!value) return [];

  const expected = value.map((e) => e.name).reverse();
  let listed: unknown;
  try {
    listed = existsSync(versionsFile) ? JSON.parse(readFileSync(versionsFile, 'utf8')) : undefined;
  } catch (error) {
    problems.push({ file: VERSIONS_FILE, line: 1, field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
  }
  if (JSON.stringify(listed) !== JSON.stringify(expected)) {
    problems.push({ file: VERSIONS_FILE, line: 1, field: '(file)', message: `must list the editions of ${EDITIONS_FILE}, newest first: ${JSON.stringify(expected)}` });
  }
  return value.filter((entry, i) => {
    const dir = editionDocsDir(entry.name);
    if (existsSync(path.join(siteDir, dir))) return true;
    problems.push({ file: EDITIONS_FILE, line: yaml.lineOf([i, 'name']), field: `${i}.name`, message: `edition ${entry.name} has no snapshot folder ${dir}/` });
    return false;
  });
}

/**
 * The date a build treats as today: Tehran's date, or `AYIN_TODAY` (`1404/09/01`) so tests and
 * demonstrations can build "as of" a day. Pages still decide in force / upcoming when viewed.
 */
export function buildToday(env: NodeJS.ProcessEnv = process.env): JalaliDate {
  const forced = env.AYIN_TODAY;
  if (forced) {
    const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(forced.trim());
    if (!m) throw new Error(`AYIN_TODAY must be a Jalali date like 1404/09/01; got "${forced}"`);
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  return todayInTehran();
}

/** The edition in force on `date`, or — before the first edition — the first one. */
export function editionForDate(corpus: Corpus, date: JalaliDate): EditionSnapshot | undefined {
  const at = resolveEditionAt(corpus.editions.map((e) => ({ ...e.entry, snapshot: e })), date);
  if (at.status === 'in-force') return at.edition.snapshot;
  if (at.status === 'before-first') return at.first.snapshot;
  return undefined;
}

/**
 * The texts the site lists and links to as "the regulations": the edition in force on `date`,
 * or `docs/` on a site without editions.
 */
export function listedRegulations(corpus: Corpus, date: JalaliDate): ReadonlyMap<string, Regulation> {
  return editionForDate(corpus, date)?.regulations ?? corpus.regulations;
}

/**
 * Where a link by code goes from outside the regulations (lessons, announcements, search):
 * the text in force on `date`; for a code no longer (or not yet) in force, its newest
 * published text; on a site without editions, `docs/`.
 */
export function linkTarget(corpus: Corpus, code: string, date: JalaliDate): Regulation | undefined {
  if (!corpus.editions.length) return corpus.regulations.get(code);
  const current = editionForDate(corpus, date)?.regulations.get(code);
  if (current) return current;
  for (const edition of [...corpus.editions].reverse()) {
    const reg = edition.regulations.get(code);
    if (reg) return reg;
  }
  return undefined;
}

/** Written into every build for the server (never served): the editions, to redirect unversioned URLs. */
export const EDITIONS_MANIFEST = '__server/editions.json';
