/**
 * Property tests (fast-check) of the parsers that read what people and files give us: the
 * Persian normaliser, the Jalali parsers, the quiz answer parser and every content schema.
 * `propertyRuns` runs each (more in full mode); the counts are reported as figures.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { toGregorian, toJalaali } from 'jalaali-js';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseLocatedYaml } from '../../src/content/front-matter';
import { validateLocated } from '../../src/content/schema-problems';
import type { Organisations } from '../../src/content/schemas/acknowledge';
import type { Taxonomy } from '../../src/content/schemas/taxonomy';
import { parseDateInput } from '../../src/domain/date-input';
import { toPersianDigits } from '../../src/domain/digits';
import { jalaliToGregorianUTC, parseJalali } from '../../src/domain/jalali';
import { parseAnswer, parseNumber } from '../../src/domain/quiz/answers';
import type { Question } from '../../src/domain/quiz/types';
import { normalizeJoined, normalizePersian } from '../../src/search/normalize';
import { reportFigure } from './support/figures';
import { reliabilityMode } from './support/mode';

const { propertyRuns: numRuns } = reliabilityMode();
const scenario = 'property tests';
let checked = 0;
/** Runs a property `numRuns` times and reports how many inputs it saw. */
function property<T extends [unknown, ...unknown[]]>(name: string, prop: fc.IPropertyWithHooks<T>) {
  fc.assert(prop, { numRuns });
  checked += numRuns;
  reportFigure({ scenario, figure: `${name}: inputs, 0 failures`, value: numRuns });
}

// Text that looks like what is pasted into search: Persian and Arabic letters, the three digit
// sets, ZWNJ/ZWJ/bidi marks, diacritics, tatweel, Latin, spaces, and anything else.
const PERSIANISH = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی', 'ي', 'ك', 'ة', 'ۀ', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ء', 'ـ', '\u064B', '\u064E', '\u0651', '\u0670',
  ...'۰۱۲۳۴۵۶۷۸۹', ...'٠١٢٣٤٥٦٧٨٩', ...'0123456789', '\u200C', '\u200D', '\u200E', '\u200F', '\u202B', '\u2067', '\u00A0', ' ', '\t', 'A', 'z', 'ﻻ', 'ﮐ', '\uFEFF'];
const persianish = fc.oneof(fc.string({ unit: fc.constantFrom(...PERSIANISH), maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('Persian normaliser (src/search/normalize.ts)', () => {
  it('never throws and is idempotent', () => {
    property('normalizePersian idempotent', fc.property(persianish, (text) => {
      const once = normalizePersian(text);
      expect(normalizePersian(once)).toBe(once);
      expect(normalizeJoined(normalizeJoined(text))).toBe(normalizeJoined(text));
    }));
  });

  it('folds the three digit sets and Arabic ي/ك to one form', () => {
    const arabicIndic = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const arabicLetters = (s: string) => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    property('digit sets and ي/ك equivalent', fc.property(persianish, fc.nat(), (text, n) => {
      const withNumber = `${text} ${n}`;
      const expected = normalizePersian(withNumber);
      expect(normalizePersian(`${text} ${toPersianDigits(n)}`)).toBe(expected);
      expect(normalizePersian(`${text} ${arabicIndic(String(n))}`)).toBe(expected);
      expect(normalizePersian(arabicLetters(withNumber))).toBe(expected);
      expect(expected).not.toMatch(/[يك۰-۹٠-٩]/u);
    }));
  });
});

const jalaliDay = fc.integer({ min: 1300, max: 1499 }).chain((year) =>
  fc.integer({ min: 1, max: 12 }).chain((month) => {
    const length = month <= 6 ? 31 : month <= 11 ? 30 : toJalaali(new Date(Date.UTC(toGregorian(year + 1, 1, 1).gy, toGregorian(year + 1, 1, 1).gm - 1, toGregorian(year + 1, 1, 1).gd - 1))).jd;
    return fc.record({ year: fc.constant(year), month: fc.constant(month), day: fc.integer({ min: 1, max: length }) });
  }),
);
const typedDate = (d: { year: number; month: number; day: number }, sep: string, pad: boolean, digits: 'ascii' | 'persian') => {
  const p = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
  const text = `${d.year}${sep}${p(d.month)}${sep}${p(d.day)}`;
  return digits === 'persian' ? toPersianDigits(text) : text;
};

describe('Jalali parsers (src/domain/jalali.ts, date-input.ts)', () => {
  it('round-trip every real day through jalaali-js, however it is typed', () => {
    property('Jalali round trip with jalaali-js', fc.property(jalaliDay, fc.constantFrom('/', '-', '.'), fc.boolean(), fc.constantFrom('ascii' as const, 'persian' as const), (d, sep, pad, digits) => {
      const parsed = parseJalali(typedDate(d, sep, pad, digits));
      expect(parsed).toEqual({ ok: true, date: d });
      const gregorian = jalaliToGregorianUTC(d);
      const back = toJalaali(gregorian.getUTCFullYear(), gregorian.getUTCMonth() + 1, gregorian.getUTCDate());
      expect({ year: back.jy, month: back.jm, day: back.jd }).toEqual(d);
      const typed = parseDateInput(typedDate(d, sep === '.' ? '/' : sep, pad, digits));
      expect(typed).toEqual({ ok: true, date: d });
    }));
  });

  it('never throw, and refuse with a message what is not a real date', () => {
    const anyDateText = fc.oneof(persianish, fc.tuple(fc.integer({ min: -10, max: 3000 }), fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 40 })).map(([y, m, d]) => `${y}/${m}/${d}`));
    property('Jalali parsers never throw', fc.property(anyDateText, (text) => {
      const a = parseJalali(text);
      const b = parseDateInput(text);
      if (!a.ok) expect(a.error.length).toBeGreaterThan(0);
      if (!b.ok) expect(b.message).toMatch(/[\u0600-\u06FF]/); // a Persian sentence for the reader
      for (const r of [a, b]) if (r.ok) expect(toJalaali(toGregorian(r.date.year, r.date.month, r.date.day).gy, toGregorian(r.date.year, r.date.month, r.date.day).gm, toGregorian(r.date.year, r.date.month, r.date.day).gd)).toEqual({ jy: r.date.year, jm: r.date.month, jd: r.date.day });
    }));
  });
});

const option = (id: string) => ({ id, text: `گزینه ${id}` });
const base = { prompt: 'پرسش', explanation: 'توضیح', cites: ['reg:CS-002#ماده-۵'] };
const questionArb: fc.Arbitrary<Question> = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: 2, maxLength: 6 }).chain((ids) =>
  fc.oneof(
    fc.constant<Question>({ ...base, id: 'q-single', type: 'single', options: ids.map(option), answer: ids[0]! }),
    fc.constant<Question>({ ...base, id: 'q-multiple', type: 'multiple', options: ids.map(option), answer: ids.slice(0, 2) }),
    fc.constant<Question>({ ...base, id: 'q-tf', type: 'true-false', answer: true }),
    fc.constant<Question>({ ...base, id: 'q-num', type: 'numeric', answer: { value: 15, tolerance: 0 }, unit: 'روز' }),
    fc.constant<Question>({ ...base, id: 'q-order', type: 'ordering', options: ids.map(option), answer: ids }),
  ),
);

describe('quiz answer parser (src/domain/quiz/answers.ts)', () => {
  it('never throws on any JSON, and each refusal is a Persian sentence', () => {
    property('parseAnswer never throws', fc.property(questionArb, fc.oneof(fc.jsonValue(), fc.anything()), (question, raw) => {
      const result = parseAnswer(question, raw);
      if (result.ok) {
        if (question.type === 'single') expect(question.options.map((o) => o.id)).toContain(result.answer);
        if (question.type === 'numeric') expect(Number.isFinite(result.answer)).toBe(true);
        if (question.type === 'ordering') expect([...(result.answer as string[])].sort()).toEqual(question.options.map((o) => o.id).sort());
      } else {
        expect(result.error).toMatch(/[\u0600-\u06FF]/);
      }
    }));
  });

  it('accepts every valid answer of its question, in any digit set', () => {
    property('parseAnswer accepts valid answers', fc.property(questionArb, fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.boolean(), (question, n, persian) => {
      const ids = 'options' in question ? question.options.map((o) => o.id) : [];
      const valid = { single: ids[1], multiple: ids.slice(1), 'true-false': persian, numeric: persian ? `${toPersianDigits(n)} روز` : n, ordering: [...ids].reverse() }[question.type];
      const result = parseAnswer(question, valid);
      expect(result.ok).toBe(true);
      if (question.type === 'numeric') expect(result).toEqual({ ok: true, answer: n });
      expect(parseNumber(toPersianDigits(`${n}٫5`))).toBe(n < 0 ? n - 0.5 : n + 0.5);
    }));
  });
});

// A small taxonomy, enough for the schemas that take their allowed values from one.
const TERMS = (...ids: string[]) => ids.map((id) => ({ id, title: `عنوان ${id}` }));
const taxonomy: Taxonomy = {
  areas: [{ id: 'connection-sales', prefix: 'CS', title: 'فروش انشعاب', summary: 'خلاصه' }],
  authorities: TERMS('tavanir'),
  audiences: TERMS('public', 'staff', 'contractor'),
  'document-types': TERMS('bylaw', 'instruction'),
  statuses: TERMS('in-force', 'draft', 'repealed'),
};

const organisations: Organisations = {
  companies: [{ id: 'pars-niroo', title: 'شرکت پیمانکاری نمونه پارس نیرو' }],
  units: [{ id: 'unit-north', title: 'امور برق شمال (نمونه)' }],
};

/** Every zod schema the content model exports: plain schemas, and factories that take the taxonomy. */
async function contentSchemas(): Promise<[string, z.ZodType][]> {
  const dir = path.resolve(__dirname, '../../src/content/schemas');
  const found: [string, z.ZodType][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const module = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof z.ZodType) found.push([`${file}:${name}`, value]);
      // Targets are checked against the companies and units of content/organisations.yml.
      else if (name === 'acknowledgeSchema') found.push([`${file}:${name}(organisations)`, (value as (o: Organisations) => z.ZodType)(organisations)]);
      else if (typeof value === 'function' && /Schema$/.test(name)) found.push([`${file}:${name}(taxonomy)`, (value as (t: Taxonomy) => z.ZodType)(taxonomy)]);
      else if (name === 'taxonomySchemas') for (const [key, schema] of Object.entries(value as Record<string, z.ZodType>)) found.push([`${file}:taxonomySchemas.${key}`, schema]);
    }
  }
  return found;
}

/** The keys a schema knows (an object's, an array's element's), so inputs reach its fields. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  for (const inner of [def.element, def.in, def.innerType, def.schema]) if (inner instanceof z.ZodType) return keysOf(inner);
  return [];
}

const yamlValue = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 12 }), persianish, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constantFrom('1404/09/01', '1404/12/30', 'CS-002', 'reg:CS-002#ماده-۵', 'staff', 'in-force', 'single')),
  value: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 })),
})).value;

describe('every content schema (src/content/schemas)', () => {
  it('never crashes on arbitrary input, and each rejection is located: file, line, field, message', async () => {
    const schemas = await contentSchemas();
    // announcement, course, edition ×2, glossary, lesson, question, quiz, regulation, seminar, taxonomy ×5
    expect(schemas.length).toBeGreaterThanOrEqual(15);
    let rejections = 0;
    for (const [name, schema] of schemas) {
      const keys = keysOf(schema);
      const objectOfItsKeys = fc.dictionary(keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })) : fc.string({ maxLength: 6 }), yamlValue, { maxKeys: keys.length + 2 });
      const input = fc.oneof(objectOfItsKeys, fc.array(objectOfItsKeys, { maxLength: 3 }), yamlValue);
      fc.assert(
        fc.property(input, (data) => {
          const yaml = parseLocatedYaml('content/x.yml', stringify(data));
          const { problems, value } = validateLocated('content/x.yml', yaml, schema);
          if (value === undefined) {
            expect(problems.length, name).toBeGreaterThan(0);
            rejections += 1;
          }
          for (const problem of problems) {
            expect(problem.file).toBe('content/x.yml');
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.field.length, `${name}: ${JSON.stringify(problem)}`).toBeGreaterThan(0);
            expect(problem.message.trim().length, `${name}: ${JSON.stringify(problem)}`).toBeGreaterThan(0);
          }
        }),
        { numRuns: Math.ceil(numRuns / 4) },
      );
      checked += Math.ceil(numRuns / 4);
    }
    reportFigure({ scenario, figure: `${schemas.length} content schemas: inputs each, 0 crashes`, value: Math.ceil(numRuns / 4) });
    reportFigure({ scenario, figure: 'content schemas: rejections, each located', value: rejections });
    reportFigure({ scenario, figure: 'all properties: inputs checked', value: checked });
  });
});
