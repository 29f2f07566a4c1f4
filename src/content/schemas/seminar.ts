/**
 * A seminar or training session (سمینار): `content/seminars/<id>.yml`. Its slides and handouts
 * are files under `static/seminars/<id>/`, written as the URL they are served at
 * (`/seminars/<id>/handout.pdf`); the loader checks they exist and that the cited
 * regulations and clauses do.
 */
import * as z from 'zod';
import { parseClockTime, type ClockTime } from '../../domain/seminar-time';
import { jalaliDate, oneOf, persianText, sampleFlag } from './common';
import { ids, type Taxonomy } from './taxonomy';

/** A seminar's id is its file name: it appears in URLs and in the registrations table. */
export const SEMINAR_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

const clockTime = z.string({ error: 'expected a time like 09:30 (Tehran time)' }).transform((value, ctx): ClockTime => {
  const parsed = parseClockTime(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `expected a time like 09:30 (two-digit hour 00-23, minute 00-59), got "${value}"` });
    return z.NEVER;
  }
  return parsed;
});

const webLink = z
  .string({ error: 'expected a web address starting with https://' })
  .regex(/^https?:\/\/[^\s/]+\.[^\s]*$/, 'expected a web address starting with https:// (or http://)');

/** `/seminars/<id>/<file>`: one file directly in the seminar's folder under `static/`. */
const staticFile = z
  .string({ error: 'expected a path like /seminars/<id>/handout.pdf' })
  .regex(/^\/seminars\/[a-z0-9-]+\/[^/\\]+\.[A-Za-z0-9]+$/, 'expected a path like /seminars/<id>/handout.pdf (a file in static/seminars/<id>/)')
  .refine((p) => !p.includes('..'), 'must not contain ".."');

const material = z.strictObject({ title: persianText, file: staticFile });

/** `reg:CS-002` or `reg:CS-002#ماده-۵`, as in the body links of regulations and lessons. */
export const REGULATION_REF = /^reg:([A-Z]{2}-\d{3})(?:#(.+))?$/;
const regulationRef = z
  .string({ error: 'expected a regulation reference like reg:CS-002 or reg:CS-002#ماده-۵' })
  .regex(REGULATION_REF, 'expected a regulation reference like reg:CS-002 or reg:CS-002#ماده-۵');

export function seminarSchema(taxonomy: Taxonomy) {
  return z
    .strictObject({
      title: persianText,
      summary: persianText,
      /** Jalali day and Tehran wall-clock start. */
      date: jalaliDate,
      time: clockTime,
      durationMinutes: z.number({ error: 'expected a number of minutes' }).int('expected whole minutes').min(15, 'a seminar lasts at least 15 minutes').max(12 * 60, 'at most 720 minutes; split longer events'),
      presenter: z.strictObject({ name: persianText, role: persianText }),
      venue: persianText.optional(),
      onlineLink: webLink.optional(),
      audience: z.array(oneOf(ids(taxonomy.audiences), 'audiences')).min(1),
      capacity: z.number({ error: 'expected a number of seats' }).int('expected a whole number of seats').positive('expected at least one seat').max(10_000),
      slides: z.array(material).default([]),
      handouts: z.array(material).default([]),
      recording: webLink.optional(),
      regulations: z.array(regulationRef).default([]),
      sample: sampleFlag,
    })
    .superRefine((value, ctx) => {
      if (!value.venue && !value.onlineLink) {
        ctx.addIssue({ code: 'custom', path: ['venue'], message: 'a seminar needs a venue, an onlineLink, or both' });
      }
    });
}

export type Seminar = z.output<ReturnType<typeof seminarSchema>>;
export type SeminarMaterial = z.output<typeof material>;

/** `reg:CS-002#ماده-۵` → { code: 'CS-002', anchor: 'ماده-۵' }. */
export function parseRegulationRef(ref: string): { code: string; anchor?: string } | undefined {
  const match = REGULATION_REF.exec(ref);
  return match ? { code: match[1]!, anchor: match[2] } : undefined;
}
