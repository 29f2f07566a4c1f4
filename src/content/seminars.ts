/**
 * Loads `content/seminars/*.yml`: each file validated by the seminar schema, then checked
 * against the rest of the corpus and the files on disk (the slides exist, the cited
 * regulations and clauses exist, a recording only for a seminar that has happened).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { seminarTiming, tehranInstant } from '../domain/seminar-time';
import { parseLocatedYaml } from './front-matter';
import type { Problem } from './problems';
import { validateLocated } from './schema-problems';
import { parseRegulationRef, SEMINAR_ID, seminarSchema, type Seminar } from './schemas/seminar';
import type { Taxonomy } from './schemas/taxonomy';

export const SEMINARS_DIR = 'content/seminars';
export const SEMINARS_ROUTE = '/seminars';

export interface SeminarEntry {
  /** The file name without `.yml`: the URL slug and the key of registrations. */
  readonly id: string;
  readonly file: string;
  readonly seminar: Seminar;
  /** Start, epoch ms (Tehran wall clock converted). */
  readonly startsAt: number;
  readonly endsAt: number;
  readonly permalink: string;
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** What a seminar may cite: a regulation by code, with the anchors of its clauses. */
export interface CitableRegulation {
  readonly clauses: readonly { readonly anchor: string }[];
}

export interface LoadSeminarsOptions {
  readonly taxonomy: Taxonomy;
  readonly regulations: ReadonlyMap<string, CitableRegulation>;
  /** For the "recording of a seminar that has not happened" check; default now. */
  readonly now?: number;
}

export function loadSeminars(siteDir: string, options: LoadSeminarsOptions, problems: Problem[]): SeminarEntry[] {
  const dir = path.join(siteDir, SEMINARS_DIR);
  if (!existsSync(dir)) return [];
  const schema = seminarSchema(options.taxonomy);
  const now = options.now ?? Date.now();
  const entries: SeminarEntry[] = [];

  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const id = name.replace(/\.ya?ml$/, '');
    const relFile = `${SEMINARS_DIR}/${name}`;
    const yaml = parseLocatedYaml(relFile, readFileSync(path.join(dir, name), 'utf8'));
    if (!SEMINAR_ID.test(id)) {
      problems.push({ file: relFile, line: 1, field: '(file)', message: 'the file name must be a lower-case Latin id like 1405-meter-reading-briefing.yml (letters, digits, dashes)' });
      continue;
    }
    const { value, problems: found } = validateLocated(relFile, yaml, schema);
    problems.push(...found);
    if (!value) continue;

    const at = (field: string, fieldPath: readonly PropertyKey[], message: string) =>
      problems.push({ file: relFile, line: yaml.lineOf(fieldPath), field, message });

    for (const kind of ['slides', 'handouts'] as const) {
      value[kind].forEach((item, i) => {
        const prefix = `${SEMINARS_ROUTE}/${id}/`;
        if (!item.file.startsWith(prefix)) {
          at(`${kind}.${i}.file`, [kind, i, 'file'], `must be a file of this seminar: ${prefix}<file> (in static${prefix})`);
        } else {
          const onDisk = path.join(siteDir, 'static', item.file);
          if (!existsSync(onDisk) || !statSync(onDisk).isFile()) at(`${kind}.${i}.file`, [kind, i, 'file'], `file not found: static${item.file}`);
        }
      });
    }

    value.regulations.forEach((ref, i) => {
      const parsed = parseRegulationRef(ref)!;
      const regulation = options.regulations.get(parsed.code);
      if (!regulation) at(`regulations.${i}`, ['regulations', i], `no regulation with code ${parsed.code}`);
      else if (parsed.anchor && !regulation.clauses.some((c) => c.anchor === parsed.anchor)) {
        at(`regulations.${i}`, ['regulations', i], `${parsed.code} has no clause #${parsed.anchor}`);
      }
    });

    const startsAt = tehranInstant(value.date, value.time);
    const endsAt = startsAt + value.durationMinutes * 60_000;
    if (value.recording && seminarTiming(startsAt, value.durationMinutes, now) === 'upcoming') {
      at('recording', ['recording'], 'a recording can only be given for a seminar that has already taken place');
    }
    entries.push({ id, file: relFile, seminar: value, startsAt, endsAt, permalink: `${SEMINARS_ROUTE}/${id}`, lineOf: yaml.lineOf });
  }
  return entries.sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
}
