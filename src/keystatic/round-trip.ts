/**
 * What the first Keystatic save of an untouched entry would write: each entry of each collection
 * of the content model read and written back by Keystatic's own `parseEntry` and
 * `serializeEntryToFiles` (loaded by scripts/lib/keystatic-internals.ts; nothing here
 * re-implements them). Used by `npm run content:normalise` and by the test that every content
 * file is already as Keystatic saves it.
 *
 * Before a rewrite is accepted it must lose nothing: the zod schema must read the same data from
 * the new file as from the old one, and an MDX body must parse to the same tree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Config } from '@keystatic/core';
import type * as z from 'zod';
import { loadTaxonomy } from '../content/corpus';
import { parseLocatedYaml, splitMarkdown } from '../content/front-matter';
import { parseMdx } from '../content/markdown';
import { NO_ORGANISATIONS, organisationsSchema } from '../content/schemas/acknowledge';
import { announcementSchema } from '../content/schemas/announcement';
import { courseSchema } from '../content/schemas/course';
import { lessonSchema } from '../content/schemas/lesson';
import { quizSchema } from '../content/schemas/quiz';
import { regulationSchema } from '../content/schemas/regulation';
import { seminarSchema } from '../content/schemas/seminar';
import type { Taxonomy } from '../content/schemas/taxonomy';

type AnyConfig = Config<Record<string, never>, Record<string, never>>;
type FormatInfo = { data: 'yaml' | 'json'; contentField?: { path: string[]; contentExtension: string }; dataLocation: 'index' | 'outer' };
type CollectionConfig = { path: string; slugField: string; schema: Record<string, unknown> };

/** Keystatic's internal functions, as its UI calls them (keystatic-core-ui.js, 0.6.9). */
export interface KeystaticInternals {
  parseEntry(
    args: { dirpath: string; format: FormatInfo; schema: Record<string, unknown>; slug: { field: string; slug: string } },
    files: Map<string, Uint8Array>,
  ): { initialState: Record<string, unknown>; initialFiles: string[] };
  serializeEntryToFiles(args: {
    basePath: string;
    format: FormatInfo;
    schema: Record<string, unknown>;
    state: Record<string, unknown>;
    slug: { field: string; value: string };
  }): { path: string; contents: Uint8Array }[];
  getCollectionFormat(config: AnyConfig, collection: string): FormatInfo;
  getCollectionItemPath(config: AnyConfig, collection: string, slug: string): string;
  getSlugFromState(collection: CollectionConfig, state: Record<string, unknown>): string;
  keystaticConfigFor(taxonomy: Taxonomy): AnyConfig;
}

/**
 * Keystatic names YAML data files `.yaml`; Ayin's are `.yml`. Each is handed to Keystatic under
 * the name it expects and written back under its own (Keystatic 0.6.9 lists only `.yaml` files
 * in a collection, see server/editorial/README.md).
 */
const AYIN_YAML_EXTENSION = '.yml';

export interface EntryFile {
  /** Relative to the content root, `/`-separated. */
  readonly path: string;
  readonly collection: string;
  readonly slug: string;
}

export interface RoundTrip extends EntryFile {
  readonly before: string;
  /** What a save of the untouched entry writes to `path`. */
  readonly after: string;
  /** Other files the save would add or change (none expected in Ayin's content model). */
  readonly otherFiles: readonly string[];
  /** Why the rewrite would lose something (a key whose value changes, a changed body); empty when nothing is lost. */
  readonly losses: readonly string[];
  /** YAML comment lines Keystatic's save drops (its YAML dump writes none). */
  readonly droppedComments: readonly string[];
  /** Keystatic could not read the entry at all (the first save cannot even be made). */
  readonly error?: string;
}

/** Comment lines of the YAML part (a data file, or an MDX file's front matter) missing after the save. */
function droppedCommentsOf(before: string, after: string, isMarkdown: boolean): string[] {
  const yamlPart = (text: string) => (isMarkdown ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') : text);
  const comments = (text: string) => yamlPart(text).split('\n').map((l) => l.trim()).filter((l) => l.startsWith('#'));
  const kept = new Set(comments(after));
  return comments(before).filter((c) => !kept.has(c));
}

const collectionsOf = (config: AnyConfig) => config.collections as unknown as Record<string, CollectionConfig>;

function dataExtension(format: FormatInfo): string {
  return format.contentField ? format.contentField.contentExtension : AYIN_YAML_EXTENSION;
}

/** Every entry file of every collection, in path order. */
export function listEntries(ks: KeystaticInternals, config: AnyConfig, contentRoot: string): EntryFile[] {
  const out: EntryFile[] = [];
  for (const [collection, c] of Object.entries(collectionsOf(config))) {
    const format = ks.getCollectionFormat(config, collection);
    if (format.dataLocation !== 'outer') throw new Error(`keystatic config: collection ${collection}: only "<dir>/*" entries (one file each) are supported here`);
    const base = c.path.replace(/\/\*\*?$/, '');
    const recursive = c.path.endsWith('/**');
    const ext = dataExtension(format);
    const walk = (dir: string, prefix: string) => {
      const abs = path.join(contentRoot, dir);
      if (!existsSync(abs)) return;
      for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isDirectory() && recursive) walk(`${dir}/${entry.name}`, `${prefix}${entry.name}/`);
        else if (entry.isFile() && entry.name.endsWith(ext)) out.push({ path: `${dir}/${entry.name}`, collection, slug: `${prefix}${entry.name.slice(0, -ext.length)}` });
      }
    };
    walk(base, '');
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Keystatic's parse then serialise of one entry: the files a save of it, untouched, writes. */
export function keystaticSave(ks: KeystaticInternals, config: AnyConfig, entry: EntryFile, contents: Uint8Array): { path: string; contents: Uint8Array }[] {
  const c = collectionsOf(config)[entry.collection]!;
  const format = ks.getCollectionFormat(config, entry.collection);
  const dirpath = ks.getCollectionItemPath(config, entry.collection, entry.slug);
  const keystaticName = (p: string) => (format.contentField ? p : p.replace(/\.yaml$/, AYIN_YAML_EXTENSION));
  const dataPath = format.contentField ? `${dirpath}${format.contentField.contentExtension}` : `${dirpath}.${format.data}`;
  const { initialState } = ks.parseEntry({ dirpath, format, schema: c.schema, slug: { field: c.slugField, slug: entry.slug } }, new Map([[dataPath, contents]]));
  const slug = ks.getSlugFromState(c, initialState);
  const basePath = ks.getCollectionItemPath(config, entry.collection, slug);
  return ks.serializeEntryToFiles({ basePath, format, schema: c.schema, state: initialState, slug: { field: c.slugField, value: slug } }).map((f) => ({ path: keystaticName(f.path), contents: f.contents }));
}

/** The zod schema of each collection's front matter or data file. */
function schemaFor(collection: string, taxonomy: Taxonomy, contentRoot: string): z.ZodType {
  if (collection.startsWith('regulations-')) return regulationSchema(taxonomy);
  switch (collection) {
    case 'courses':
      return courseSchema(taxonomy);
    case 'lessons':
      return lessonSchema;
    case 'quizzes':
      return quizSchema;
    case 'seminars':
      return seminarSchema(taxonomy);
    case 'announcements': {
      // Announcements name the organisations they are addressed to; their schema needs the list.
      const file = path.join(contentRoot, 'content/organisations.yml');
      const organisations = existsSync(file) ? organisationsSchema.parse(parseLocatedYaml(file, readFileSync(file, 'utf8')).data) : NO_ORGANISATIONS;
      return announcementSchema(taxonomy, organisations);
    }
    default:
      throw new Error(`src/keystatic/round-trip.ts: no zod schema known for Keystatic collection "${collection}"`);
  }
}

/** A file's schema data and (for MDX) body tree without source positions. */
function readContent(file: string, text: string, isMarkdown: boolean, schema: z.ZodType): { data: unknown; body?: unknown; problem?: string } {
  let raw: unknown;
  let body: unknown;
  if (isMarkdown) {
    const split = splitMarkdown(file, text);
    if (split.frontMatter.problems.length) return { data: undefined, problem: split.frontMatter.problems.map((p) => p.message).join('; ') };
    raw = split.frontMatter.data;
    const tree = parseMdx(split.body);
    if (!tree.ok) return { data: undefined, problem: `body: line ${tree.line}: ${tree.message}` };
    body = JSON.parse(JSON.stringify(tree.tree, (key, value) => (key === 'position' ? undefined : value)));
  } else {
    const yaml = parseLocatedYaml(file, text);
    if (yaml.problems.length) return { data: undefined, problem: yaml.problems.map((p) => p.message).join('; ') };
    raw = yaml.data;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { data: undefined, problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ') };
  return { data: parsed.data, body };
}

/** The keys (dotted paths) whose values differ between two parsed data objects. */
function changedKeys(a: unknown, b: unknown, at = ''): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!isObject(a) || !isObject(b)) return [at || '(file)'];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) => changedKeys(a[key], b[key], at ? `${at}.${key}` : key));
}

/** What a save of each entry would lose, compared key by key through the zod schema. */
export function lossesOf(file: string, before: string, after: string, isMarkdown: boolean, schema: z.ZodType): string[] {
  const old = readContent(file, before, isMarkdown, schema);
  if (old.problem) return [`the file as it is does not pass its schema: ${old.problem}`];
  const saved = readContent(file, after, isMarkdown, schema);
  if (saved.problem) return [`Keystatic's rewrite does not pass the schema: ${saved.problem}`];
  const losses = changedKeys(old.data, saved.data).map((key) => `${key}: the schema reads a different value after the rewrite`);
  if (isMarkdown && !isDeepStrictEqual(old.body, saved.body)) losses.push('body: the MDX parses to a different tree after the rewrite');
  return losses;
}

/** Every entry of the content model under `contentRoot`, as Keystatic would save it untouched. */
export function roundTripAll(ks: KeystaticInternals, contentRoot: string): RoundTrip[] {
  const problems: never[] = [];
  const taxonomy = loadTaxonomy(contentRoot, problems);
  if (problems.length) throw new Error(`${contentRoot}/content/taxonomy: invalid; run npm run validate`);
  const config = ks.keystaticConfigFor(taxonomy);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const schemas = new Map<string, z.ZodType>();
  return listEntries(ks, config, contentRoot).map((entry) => {
    const bytes = new Uint8Array(readFileSync(path.join(contentRoot, entry.path)));
    const before = decoder.decode(bytes);
    let files: { path: string; contents: Uint8Array }[];
    try {
      files = keystaticSave(ks, config, entry, bytes);
    } catch (error) {
      const message = String((error as Error).message ?? error).split('\n').slice(0, 3).join(' ');
      return { ...entry, before, after: before, otherFiles: [], losses: [], droppedComments: [], error: message };
    }
    const own = files.find((f) => f.path === entry.path);
    const after = own ? decoder.decode(own.contents) : '';
    const otherFiles = files.filter((f) => f.path !== entry.path).map((f) => f.path);
    if (!schemas.has(entry.collection)) schemas.set(entry.collection, schemaFor(entry.collection, taxonomy, contentRoot));
    const isMarkdown = /\.mdx?$/.test(entry.path);
    const losses = own ? lossesOf(entry.path, before, after, isMarkdown, schemas.get(entry.collection)!) : [`Keystatic's save does not write ${entry.path}`];
    return { ...entry, before, after, otherFiles, losses, droppedComments: droppedCommentsOf(before, after, isMarkdown) };
  });
}

/** The entries a first save would change (or cannot save), for `--check` and the test. */
export function notNormalised(results: readonly RoundTrip[]): RoundTrip[] {
  return results.filter((r) => r.error || r.before !== r.after || r.otherFiles.length > 0);
}
