/**
 * One content model: every key of each zod content schema is a Keystatic field (or
 * `fields.ignored`), and no Keystatic field is outside the schema — at every depth where both
 * sides describe objects. A Keystatic save writes only declared keys, so a missing field would
 * silently drop data.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { loadTaxonomy } from '../../content/corpus';
import { announcementSchema } from '../../content/schemas/announcement';
import { courseSchema } from '../../content/schemas/course';
import { editionEntrySchema } from '../../content/schemas/edition';
import { glossarySchema } from '../../content/schemas/glossary';
import { lessonSchema } from '../../content/schemas/lesson';
import { quizSchema } from '../../content/schemas/quiz';
import { regulationSchema } from '../../content/schemas/regulation';
import { seminarSchema } from '../../content/schemas/seminar';
import { editionEntryFields, glossaryEntryFields, keystaticConfigFor } from '../content-model';

const taxonomy = loadTaxonomy(path.resolve(__dirname, '../../..'), []);
const ksConfig = keystaticConfigFor(taxonomy);

/** The object shape under optional/default/pipe wrappers, or the element's for arrays. */
function zodObject(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let s = schema as z.ZodType & { def: Record<string, unknown> };
  for (;;) {
    const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
    if (def.type === 'object') return def.shape;
    if (def.type === 'array') s = def.element as never;
    else if (def.innerType) s = def.innerType as never;
    else if (def.type === 'pipe' && def.in) s = def.in as never;
    else return undefined;
  }
}

type KsField = { kind: string; fields?: Record<string, KsField>; element?: KsField };
function ksObject(field: KsField): Record<string, KsField> | undefined {
  if (field.kind === 'object') return field.fields;
  if (field.kind === 'array' && field.element) return ksObject(field.element);
  return undefined;
}

/** Differences as `path: why`, empty when the two sides agree. */
function drift(schema: Record<string, z.ZodType>, ks: Record<string, KsField>, ignoreKs: readonly string[] = [], at = ''): string[] {
  const out: string[] = [];
  for (const key of Object.keys(schema)) {
    const field = ks[key];
    if (!field) {
      out.push(`${at}${key}: in the zod schema, not in Keystatic`);
      continue;
    }
    const inner = zodObject(schema[key]!);
    const ksInner = ksObject(field);
    if (inner && field.kind !== 'form') {
      if (!ksInner) out.push(`${at}${key}: an object in the schema, a ${field.kind} in Keystatic`);
      else out.push(...drift(inner, ksInner, [], `${at}${key}.`));
    }
  }
  for (const key of Object.keys(ks)) if (!(key in schema) && !ignoreKs.includes(key)) out.push(`${at}${key}: in Keystatic, not in the zod schema`);
  return out;
}

const collection = (name: string) => (ksConfig.collections as Record<string, { schema: Record<string, KsField>; path: string }>)[name]!;

describe('the Keystatic content model follows the zod schemas', () => {
  it('has a regulations collection per area, under docs/<area>/', () => {
    for (const area of taxonomy.areas) expect(collection(`regulations-${area.id}`).path).toBe(`docs/${area.id}/*`);
  });

  const cases: [string, Record<string, z.ZodType>, Record<string, KsField>][] = [
    ['regulation', zodObject(regulationSchema(taxonomy))!, collection(`regulations-${taxonomy.areas[0]!.id}`).schema],
    ['course', zodObject(courseSchema(taxonomy))!, collection('courses').schema],
    ['lesson', zodObject(lessonSchema)!, collection('lessons').schema],
    ['quiz', zodObject(quizSchema)!, collection('quizzes').schema],
    ['seminar', zodObject(seminarSchema(taxonomy))!, collection('seminars').schema],
    ['announcement', zodObject(announcementSchema(taxonomy))!, collection('announcements').schema],
    ['glossary entry', zodObject(glossarySchema(taxonomy))!, glossaryEntryFields(taxonomy) as never],
    ['edition entry', zodObject(editionEntrySchema)!, editionEntryFields as never],
  ];
  it.each(cases)('%s: every key a field, no field outside the schema', (_name, schema, ks) => {
    // `body` is the MDX content field, not front matter.
    expect(drift(schema, ks, ['body'])).toEqual([]);
  });

  it('the check sees a drift: a key missing on either side', () => {
    const schema = zodObject(lessonSchema)!;
    const { objectives: _dropped, ...fewer } = collection('lessons').schema;
    expect(drift(schema, fewer, ['body'])).toEqual(['objectives: in the zod schema, not in Keystatic']);
    expect(drift(schema, { ...collection('lessons').schema, extra: { kind: 'form' } }, ['body'])).toEqual(['extra: in Keystatic, not in the zod schema']);
    const nested = zodObject(regulationSchema(taxonomy))!;
    const reg = collection(`regulations-${taxonomy.areas[0]!.id}`).schema;
    expect(drift(nested, { ...reg, notification: { kind: 'object', fields: { number: { kind: 'form' } } } }, ['body'])).toEqual(['notification.date: in the zod schema, not in Keystatic']);
  });

  it('labels every field in Persian', () => {
    const labels: string[] = [];
    const walk = (f: KsField & { label?: string }) => {
      // fields.ignored() is never shown, and Keystatic names it 'Ignored' itself.
      if (f.label && f.label !== 'Ignored') labels.push(f.label);
      Object.values(f.fields ?? {}).forEach(walk);
      if (f.element) walk(f.element);
    };
    for (const c of Object.values(ksConfig.collections as Record<string, { label: string; schema: Record<string, KsField> }>)) {
      labels.push(c.label);
      Object.values(c.schema).forEach(walk);
    }
    expect(labels.length).toBeGreaterThan(60);
    expect(labels.filter((l) => !/[\u0600-\u06FF]/.test(l))).toEqual([]);
  });
});
