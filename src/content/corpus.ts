/**
 * Loads and validates all of the site's content: taxonomies, regulations, courses, lessons,
 * announcements and the glossary. Used by `npm run validate`, by the Docusaurus plugins and by
 * the remark plugin that resolves links, so there is one notion of "valid content".
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { announcementSchema, type Announcement } from './schemas/announcement';
import { NO_ORGANISATIONS, organisationsSchema, type Organisations } from './schemas/acknowledge';
import { courseSchema, type Course } from './schemas/course';
import { glossarySchema, type GlossaryEntry } from './schemas/glossary';
import { surveysSchema, type SurveysDefinition } from './schemas/survey';
import { lessonSchema, type Lesson } from './schemas/lesson';
import { regulationSchema, type RegulationFrontMatter } from './schemas/regulation';
import { taxonomySchemas, type Taxonomy, type TaxonomyName } from './schemas/taxonomy';
import { findRegLinks, walkClauses, type Clause, type RegLink } from './clause-tree';
import { parseLocatedYaml, splitMarkdown } from './front-matter';
import { parseMdx } from './markdown';
import { editionDocsDir, loadEditionEntries, NEXT_EDITION_PATH } from './editions';
import type { Problem } from './problems';
import type { EditionEntry } from './schemas/edition';
import { validateLocated } from './schema-problems';
import { loadSeminars, type SeminarEntry } from './seminars';
import { checkLessonCites, citableClauses } from './lesson-cites';
import { checkQuizReferences, loadQuizzes, quizReferenceTargets, type QuizEntry } from './quizzes';
import { OLD_TRUNCATE_MARKER, TRUNCATE_MARKER, TRUNCATE_MARKER_PATTERN } from './truncate-marker';

export const CONTENT_DIRS = {
  regulations: 'docs',
  courses: 'courses',
  announcements: 'announcements',
  data: 'content',
} as const;

export const ROUTES = { regulations: '/regulations', courses: '/courses', announcements: '/announcements' } as const;

export interface Regulation {
  readonly file: string;
  readonly area: string;
  readonly slug: string;
  readonly permalink: string;
  readonly frontMatter: RegulationFrontMatter;
  /** The published edition this text belongs to; null for `docs/`, the next edition being prepared. */
  readonly edition: string | null;
  readonly clauses: readonly Clause[];
  readonly links: readonly RegLink[];
  /** Line of a front matter field, for problems found after validation. */
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

export interface CourseEntry {
  readonly id: string;
  readonly file: string;
  readonly course: Course;
  readonly lessons: readonly LessonEntry[];
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

export interface LessonEntry {
  readonly file: string;
  readonly permalink: string;
  readonly lesson: Lesson;
  readonly links: readonly RegLink[];
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

export interface AnnouncementEntry {
  readonly file: string;
  /** The file name without extension, `1404-02-10-acknowledgement-procedure` (unique, unlike the slug). */
  readonly id: string;
  /** Its page, `/announcements/1404/02/10/acknowledgement-procedure` (Docusaurus' blog route). */
  readonly permalink: string;
  /** sha256 (hex) of its title and body: what an acknowledgment vouches was read. */
  readonly textSha256: string;
  readonly announcement: Announcement;
  readonly links: readonly RegLink[];
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** A published edition: its entry in `content/editions.yml` and its snapshot of the regulations. */
export interface EditionSnapshot {
  readonly entry: EditionEntry;
  readonly name: string;
  readonly regulations: ReadonlyMap<string, Regulation>;
}

export interface Corpus {
  readonly siteDir: string;
  readonly taxonomy: Taxonomy;
  /** The contractor companies and service units announcements may be addressed to. */
  readonly organisations: Organisations;
  /** `docs/`: with editions, the next edition being prepared; without, the only text there is. */
  readonly regulations: ReadonlyMap<string, Regulation>;
  /** Published editions, oldest first; empty when the site keeps no editions (`content/editions.yml`). */
  readonly editions: readonly EditionSnapshot[];
  readonly courses: readonly CourseEntry[];
  readonly announcements: readonly AnnouncementEntry[];
  readonly glossary: readonly GlossaryEntry[];
  /** `content/surveys.yml`: the satisfaction survey questions; null when the site has none. */
  readonly surveys: SurveysDefinition | null;
  readonly seminars: readonly SeminarEntry[];
  /** `content/quizzes/<course>.yml`, answer keys included: for the server, never for the site build. */
  readonly quizzes: readonly QuizEntry[];
  readonly problems: readonly Problem[];
}

const isMarkdown = (name: string) => /\.mdx?$/.test(name) && !name.startsWith('_');
const rel = (siteDir: string, file: string) => path.relative(siteDir, file).split(path.sep).join('/');
const listDir = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []);

/** Docusaurus drops a leading `NN-` from file names in URLs; so do we. */
const docSlug = (fileName: string) => fileName.replace(/\.mdx?$/, '').replace(/^\d+[-_.]/, '');

export function loadCorpus(siteDir: string): Corpus {
  const problems: Problem[] = [];
  const taxonomy = loadTaxonomy(siteDir, problems);
  const editionEntries = loadEditionEntries(siteDir, problems);
  const versioned = editionEntries.length > 0;
  const { regulations, targets } = loadRegulations(siteDir, CONTENT_DIRS.regulations, versioned ? `${ROUTES.regulations}/${NEXT_EDITION_PATH}` : ROUTES.regulations, null, taxonomy, problems);
  checkRegulationLinks(regulations, targets, problems);
  const knownCodes = new Set(targets.keys());
  const editions = editionEntries.map((entry): EditionSnapshot => {
    const loaded = loadRegulations(siteDir, editionDocsDir(entry.name), `${ROUTES.regulations}/${entry.name}`, entry.name, taxonomy, problems);
    // A snapshot stands alone: its links must resolve inside the same edition.
    checkRegulationLinks(loaded.regulations, loaded.targets, problems);
    checkSnapshotStatus(loaded.regulations, problems);
    loaded.targets.forEach((_, code) => knownCodes.add(code));
    return { entry, name: entry.name, regulations: loaded.regulations };
  });
  checkSupersedes([regulations, ...editions.map((e) => e.regulations)], knownCodes, problems);
  const courses = loadCourses(siteDir, taxonomy, problems);
  const organisations = loadOrganisations(siteDir, problems);
  const announcements = loadAnnouncements(siteDir, taxonomy, organisations, problems);
  checkAnnouncementEditions(announcements, editionEntries, problems);
  const glossary = loadGlossary(siteDir, taxonomy, problems);
  const surveys = loadSurveys(siteDir, problems);
  // A seminar may cite the text being prepared or any published edition's.
  const citable = new Map([...regulations, ...editions.flatMap((e) => [...e.regulations])]);
  const seminars = loadSeminars(siteDir, { taxonomy, regulations: citable }, problems);
  const quizzes = loadQuizzes(siteDir, problems);
  checkQuizReferences(quizzes, quizReferenceTargets(targets, regulations, courses), problems);

  // Lessons and announcements link to published texts once there are editions: a draft in
  // `docs/` is not something a contractor's lesson may send them to.
  checkReferences(versioned ? publishedTargets(editions) : targets, courses, announcements, problems);
  checkLessonCites(courses.flatMap((c) => c.lessons), citableClauses([targets, ...editions.map((e) => e.regulations)]), problems);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { siteDir, taxonomy, organisations, regulations, editions, courses, announcements, glossary, surveys, seminars, quizzes, problems };
}

export function loadTaxonomy(siteDir: string, problems: Problem[]): Taxonomy {
  const taxonomy = {} as Record<TaxonomyName, unknown>;
  for (const name of Object.keys(taxonomySchemas) as TaxonomyName[]) {
    const file = path.join(siteDir, CONTENT_DIRS.data, 'taxonomy', `${name}.yml`);
    const relFile = rel(siteDir, file);
    if (!existsSync(file)) {
      problems.push({ file: relFile, line: 1, field: '(file)', message: 'taxonomy file is missing' });
      taxonomy[name] = [];
      continue;
    }
    const yaml = parseLocatedYaml(relFile, readFileSync(file, 'utf8'));
    const { value, problems: found } = validateLocated(relFile, yaml, taxonomySchemas[name]);
    problems.push(...found);
    taxonomy[name] = value ?? [];
  }
  return taxonomy as unknown as Taxonomy;
}

/** What a link can point at: every regulation file with a code, valid or not. */
interface LinkTarget {
  readonly file: string;
  readonly clauses: readonly Clause[];
}

/**
 * The regulations of `docs/` (the text being prepared) with their front matter only: no body is
 * parsed, no link checked. For the server's questions about dates and states (the editors'
 * reviews due), which must not cost a whole-corpus load on every request: `loadCorpus` parses
 * every edition's MDX, seconds of a blocked event loop on a busy machine.
 */
export function loadRegulationFrontMatter(siteDir: string): ReadonlyMap<string, Regulation> {
  const problems: Problem[] = [];
  const taxonomy = loadTaxonomy(siteDir, problems);
  const versioned = loadEditionEntries(siteDir, problems).length > 0;
  const routeBase = versioned ? `${ROUTES.regulations}/${NEXT_EDITION_PATH}` : ROUTES.regulations;
  return loadRegulations(siteDir, CONTENT_DIRS.regulations, routeBase, null, taxonomy, problems, { bodies: false }).regulations;
}

function loadRegulations(siteDir: string, dir: string, routeBase: string, edition: string | null, taxonomy: Taxonomy, problems: Problem[], { bodies = true }: { bodies?: boolean } = {}) {
  const schema = regulationSchema(taxonomy);
  const regulations = new Map<string, Regulation>();
  // A file with a bad date is still the regulation its code names: links to it are not also
  // reported, so an editor sees one problem per mistake.
  const targets = new Map<string, LinkTarget>();
  const docsDir = path.join(siteDir, dir);
  const areaIds = new Set(taxonomy.areas.map((a) => a.id));

  for (const entry of listDir(docsDir)) {
    if (!entry.isDirectory()) {
      if (isMarkdown(entry.name)) problems.push({ file: rel(siteDir, path.join(docsDir, entry.name)), line: 1, field: 'area', message: `a regulation must be inside an area folder (${[...areaIds].join(', ')})` });
      continue;
    }
    const area = taxonomy.areas.find((a) => a.id === entry.name);
    const areaDir = path.join(docsDir, entry.name);
    for (const fileEntry of listDir(areaDir)) {
      if (!fileEntry.isFile() || !isMarkdown(fileEntry.name)) continue;
      const file = path.join(areaDir, fileEntry.name);
      const relFile = rel(siteDir, file);
      if (!area) {
        problems.push({ file: relFile, line: 1, field: 'area', message: `unknown area folder "${entry.name}"; expected one of: ${[...areaIds].join(', ')}` });
        continue;
      }
      const { frontMatter, body, bodyLine } = splitMarkdown(relFile, readFileSync(file, 'utf8'));
      const { value, problems: found } = validateLocated(relFile, frontMatter, schema);
      problems.push(...found);
      const parsed = bodies ? parseBody(relFile, body, bodyLine, problems) : undefined;
      const walked = parsed ? walkClauses(parsed, {}, bodyLine - 1) : undefined;
      const rawCode = (frontMatter.data as { code?: unknown } | undefined)?.code;
      if (typeof rawCode === 'string' && !targets.has(rawCode)) targets.set(rawCode, { file: relFile, clauses: walked?.clauses ?? [] });
      if (!value) continue;

      const slug = docSlug(fileEntry.name);
      if (!value.code.startsWith(`${area.prefix}-`)) {
        problems.push({ file: relFile, line: frontMatter.lineOf(['code']), field: 'code', message: `a regulation of area ${area.id} must have a code starting with ${area.prefix}-` });
      }
      if (slug !== value.code.toLowerCase()) {
        problems.push({ file: relFile, line: frontMatter.lineOf(['code']), field: 'code', message: `the file name must be the code in lower case: ${value.code.toLowerCase()}.mdx` });
      }
      const duplicate = regulations.get(value.code);
      if (duplicate) {
        problems.push({ file: relFile, line: frontMatter.lineOf(['code']), field: 'code', message: `duplicate code ${value.code}, already used by ${duplicate.file}` });
        continue;
      }
      let clauses: Clause[] = [];
      let links: RegLink[] = [];
      if (parsed && walked) {
        clauses = walked.clauses;
        walked.issues.forEach((i) => problems.push({ file: relFile, line: i.line, field: 'clauses', message: i.message }));
        links = collectLinks(relFile, parsed, bodyLine, problems);
      }
      regulations.set(value.code, {
        file: relFile,
        area: area.id,
        slug,
        permalink: `${routeBase}/${area.id}/${slug}`,
        frontMatter: value,
        edition,
        clauses,
        links,
        lineOf: frontMatter.lineOf,
      });
    }
  }
  return { regulations, targets };
}

function parseBody(relFile: string, body: string, bodyLine: number, problems: Problem[]) {
  const parsed = parseMdx(body);
  if (!parsed.ok) {
    problems.push({ file: relFile, line: parsed.line + bodyLine - 1, field: 'mdx', message: parsed.message });
    return undefined;
  }
  return parsed.tree;
}

function collectLinks(relFile: string, tree: import('mdast').Root, bodyLine: number, problems: Problem[]): RegLink[] {
  const { links, issues } = findRegLinks(tree, bodyLine - 1);
  issues.forEach((i) => problems.push({ file: relFile, line: i.line, field: 'link', message: i.message }));
  return links;
}

function loadCourses(siteDir: string, taxonomy: Taxonomy, problems: Problem[]): CourseEntry[] {
  const schema = courseSchema(taxonomy);
  const coursesDataDir = path.join(siteDir, CONTENT_DIRS.data, 'courses');
  const courses: CourseEntry[] = [];
  for (const entry of listDir(coursesDataDir)) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const id = entry.name.replace(/\.ya?ml$/, '');
    const file = path.join(coursesDataDir, entry.name);
    const relFile = rel(siteDir, file);
    const yaml = parseLocatedYaml(relFile, readFileSync(file, 'utf8'));
    const { value, problems: found } = validateLocated(relFile, yaml, schema);
    problems.push(...found);
    const lessons = loadLessons(siteDir, id, problems);
    if (!lessons.length) problems.push({ file: relFile, line: 1, field: 'lessons', message: `no lessons found in ${CONTENT_DIRS.courses}/${id}/` });
    if (value) courses.push({ id, file: relFile, course: value, lessons, lineOf: yaml.lineOf });
  }
  // A lesson folder without its course file would publish an unnamed course.
  for (const entry of listDir(path.join(siteDir, CONTENT_DIRS.courses))) {
    if (entry.isDirectory() && !courses.some((c) => c.id === entry.name) && !existsSync(path.join(coursesDataDir, `${entry.name}.yml`))) {
      problems.push({ file: `${CONTENT_DIRS.courses}/${entry.name}`, line: 1, field: 'course', message: `no course file ${CONTENT_DIRS.data}/courses/${entry.name}.yml for this folder` });
    }
  }
  return courses.sort((a, b) => a.id.localeCompare(b.id));
}

function loadLessons(siteDir: string, courseId: string, problems: Problem[]): LessonEntry[] {
  const dir = path.join(siteDir, CONTENT_DIRS.courses, courseId);
  const lessons: LessonEntry[] = [];
  for (const entry of listDir(dir).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || !isMarkdown(entry.name)) continue;
    const relFile = rel(siteDir, path.join(dir, entry.name));
    const { frontMatter, body, bodyLine } = splitMarkdown(relFile, readFileSync(path.join(dir, entry.name), 'utf8'));
    const { value, problems: found } = validateLocated(relFile, frontMatter, lessonSchema);
    problems.push(...found);
    const tree = parseBody(relFile, body, bodyLine, problems);
    const links = tree ? collectLinks(relFile, tree, bodyLine, problems) : [];
    if (value) lessons.push({ file: relFile, permalink: `${ROUTES.courses}/${courseId}/${docSlug(entry.name)}`, lesson: value, links, lineOf: frontMatter.lineOf });
  }
  return lessons;
}

/** `content/organisations.yml`; optional (a site without one addresses no company or unit). */
function loadOrganisations(siteDir: string, problems: Problem[]): Organisations {
  const file = path.join(siteDir, CONTENT_DIRS.data, 'organisations.yml');
  if (!existsSync(file)) return NO_ORGANISATIONS;
  const relFile = rel(siteDir, file);
  const yaml = parseLocatedYaml(relFile, readFileSync(file, 'utf8'));
  const { value, problems: found } = validateLocated(relFile, yaml, organisationsSchema);
  problems.push(...found);
  if (!value) return NO_ORGANISATIONS;
  for (const kind of ['companies', 'units'] as const) {
    const seen = new Set<string>();
    value[kind].forEach((o, i) => {
      if (seen.has(o.id)) problems.push({ file: relFile, line: yaml.lineOf([kind, i, 'id']), field: `${kind}.${i}.id`, message: `duplicate id "${o.id}"` });
      seen.add(o.id);
    });
  }
  return value;
}

/** The hash an acknowledgment records: title and body exactly as published (front matter aside). */
export function announcementTextSha256(title: string, body: string): string {
  return createHash('sha256').update(`${title}\n${body}`, 'utf8').digest('hex');
}

/** An announcement's body must end its summary with `<Truncate />`, and hold no marker Keystatic cannot open. */
export function truncateMarkerProblems(relFile: string, body: string, bodyLine: number): Problem[] {
  const lines = body.split('\n');
  const oldAt = lines.findIndex((l) => OLD_TRUNCATE_MARKER.test(l));
  if (oldAt >= 0) {
    return [{ file: relFile, line: bodyLine + oldAt, field: 'body', message: `write the end of the summary as ${TRUNCATE_MARKER} on a line of its own: Keystatic cannot open a file with Docusaurus's ${OLD_TRUNCATE_MARKER.exec(lines[oldAt]!)![0]}` }];
  }
  if (!TRUNCATE_MARKER_PATTERN.test(body)) return [{ file: relFile, line: bodyLine, field: 'body', message: `an announcement needs a summary paragraph followed by ${TRUNCATE_MARKER} on a line of its own` }];
  return [];
}

function loadAnnouncements(siteDir: string, taxonomy: Taxonomy, organisations: Organisations, problems: Problem[]): AnnouncementEntry[] {
  const schema = announcementSchema(taxonomy, organisations);
  const dir = path.join(siteDir, CONTENT_DIRS.announcements);
  const entries: AnnouncementEntry[] = [];
  for (const entry of listDir(dir)) {
    if (!entry.isFile() || !isMarkdown(entry.name)) continue;
    const relFile = rel(siteDir, path.join(dir, entry.name));
    const { frontMatter, body, bodyLine } = splitMarkdown(relFile, readFileSync(path.join(dir, entry.name), 'utf8'));
    const { value, problems: found } = validateLocated(relFile, frontMatter, schema);
    problems.push(...found);
    const tree = parseBody(relFile, body, bodyLine, problems);
    const links = tree ? collectLinks(relFile, tree, bodyLine, problems) : [];
    if (!value) continue;
    const nameDate = /^(\d{4})-(\d{2})-(\d{2})-/.exec(entry.name);
    const { year, month, day } = value.published;
    if (!nameDate || Number(nameDate[1]) !== year || Number(nameDate[2]) !== month || Number(nameDate[3]) !== day) {
      const expected = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}-`;
      problems.push({ file: relFile, line: frontMatter.lineOf(['published']), field: 'published', message: `the file name must start with the published date: ${expected}` });
    }
    problems.push(...truncateMarkerProblems(relFile, body, bodyLine));
    const slug = entry.name.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.mdx?$/, '');
    const datePath = nameDate ? `${nameDate[1]}/${nameDate[2]}/${nameDate[3]}/` : '';
    entries.push({
      file: relFile,
      id: entry.name.replace(/\.mdx?$/, ''),
      permalink: `${ROUTES.announcements}/${datePath}${slug}`,
      textSha256: announcementTextSha256(value.title, body),
      announcement: value,
      links,
      lineOf: frontMatter.lineOf,
    });
  }
  return entries;
}

/** An ابلاغیه that announces an edition must name one that exists. */
function checkAnnouncementEditions(announcements: readonly AnnouncementEntry[], editions: readonly EditionEntry[], problems: Problem[]) {
  const names = editions.map((e) => e.name);
  for (const entry of announcements) {
    const edition = entry.announcement.edition;
    if (edition && !names.includes(edition)) {
      problems.push({ file: entry.file, line: entry.lineOf(['edition']), field: 'edition', message: `no edition named ${edition} in content/editions.yml${names.length ? ` (editions: ${names.join(', ')})` : ''}` });
    }
  }
}

function loadSurveys(siteDir: string, problems: Problem[]): SurveysDefinition | null {
  const file = path.join(siteDir, CONTENT_DIRS.data, 'surveys.yml');
  if (!existsSync(file)) return null;
  const relFile = rel(siteDir, file);
  const { value, problems: found } = validateLocated(relFile, parseLocatedYaml(relFile, readFileSync(file, 'utf8')), surveysSchema);
  problems.push(...found);
  return value ?? null;
}

function loadGlossary(siteDir: string, taxonomy: Taxonomy, problems: Problem[]): GlossaryEntry[] {
  const file = path.join(siteDir, CONTENT_DIRS.data, 'glossary.yml');
  const relFile = rel(siteDir, file);
  if (!existsSync(file)) return [];
  const yaml = parseLocatedYaml(relFile, readFileSync(file, 'utf8'));
  const { value, problems: found } = validateLocated(relFile, yaml, glossarySchema(taxonomy));
  problems.push(...found);
  const seen = new Map<string, number>();
  (value ?? []).forEach((entry, i) => {
    const line = yaml.lineOf([i, 'term']);
    const first = seen.get(entry.term);
    if (first !== undefined) problems.push({ file: relFile, line, field: `${i}.term`, message: `duplicate term «${entry.term}» (first at line ${first})` });
    else seen.set(entry.term, line);
  });
  return value ?? [];
}

/** Every link in a set of texts (`docs/` or one edition) must land inside the same set. */
function checkRegulationLinks(regulations: ReadonlyMap<string, Regulation>, targets: ReadonlyMap<string, LinkTarget>, problems: Problem[]) {
  for (const reg of regulations.values()) checkLinks(targets, reg.file, reg.links, problems);
}

/** A superseded text has usually left the edition that replaces it: it only has to exist somewhere. */
function checkSupersedes(sets: readonly ReadonlyMap<string, Regulation>[], knownCodes: ReadonlySet<string>, problems: Problem[]) {
  for (const regulations of sets) {
    for (const reg of regulations.values()) {
      reg.frontMatter.supersedes.forEach((code, i) => {
        if (!knownCodes.has(code)) problems.push({ file: reg.file, line: reg.lineOf(['supersedes', i]), field: `supersedes.${i}`, message: `no regulation with code ${code}` });
      });
    }
  }
}

/** Only approved texts are published: a snapshot holding a draft would publish it. */
function checkSnapshotStatus(regulations: ReadonlyMap<string, Regulation>, problems: Problem[]) {
  for (const reg of regulations.values()) {
    if (reg.frontMatter.status !== 'approved') {
      problems.push({ file: reg.file, line: reg.lineOf(['status']), field: 'status', message: `a published edition holds approved texts only; this one is "${reg.frontMatter.status}"` });
    }
  }
}

/** What lessons and announcements may link to: each code's newest published text. */
function publishedTargets(editions: readonly EditionSnapshot[]): Map<string, LinkTarget> {
  const targets = new Map<string, LinkTarget>();
  for (const edition of editions) {
    for (const [code, reg] of edition.regulations) targets.set(code, { file: reg.file, clauses: reg.clauses });
  }
  return targets;
}

function checkLinks(targets: ReadonlyMap<string, LinkTarget>, file: string, links: readonly RegLink[], problems: Problem[]) {
  for (const link of links) {
    const target = targets.get(link.code);
    if (!target) {
      problems.push({ file, line: link.line, field: 'link', message: `no regulation with code ${link.code}` });
    } else if (link.anchor && !target.clauses.some((c) => c.anchor === link.anchor)) {
      problems.push({ file, line: link.line, field: 'link', message: `${link.code} (${target.file}) has no clause #${link.anchor}` });
    }
  }
}

/** Every code a lesson, course or announcement names must exist, and every clause a link points at too. */
function checkReferences(targets: ReadonlyMap<string, LinkTarget>, courses: CourseEntry[], announcements: AnnouncementEntry[], problems: Problem[]) {
  const checkCodes = (entry: { file: string; lineOf: (p: readonly PropertyKey[]) => number }, field: string, codes: readonly string[]) => {
    codes.forEach((code, i) => {
      if (!targets.has(code)) problems.push({ file: entry.file, line: entry.lineOf([field, i]), field: `${field}.${i}`, message: `no regulation with code ${code}` });
    });
  };
  for (const course of courses) {
    checkCodes(course, 'regulations', course.course.regulations);
    for (const lesson of course.lessons) {
      checkLinks(targets, lesson.file, lesson.links, problems);
      checkCodes(lesson, 'regulations', lesson.lesson.regulations);
    }
  }
  for (const entry of announcements) {
    checkLinks(targets, entry.file, entry.links, problems);
    checkCodes(entry, 'regulations', entry.announcement.regulations);
  }
}
