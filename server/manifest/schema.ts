/**
 * The private server manifest: what the server needs from a build and may not publish —
 * courses with their quizzes' answer keys, seminars with capacities and audiences, the
 * editions, and where each regulation's page is in each edition. The build writes it to
 * `build/.server/manifest.json`, outside every folder the static server serves; the server
 * validates it with this schema when it loads it, so a half-written or stale-format file is
 * refused with the field that is wrong rather than half believed.
 */
import * as z from 'zod';
import { quizSchema } from '../../src/content/schemas/quiz';
import { surveysSchema } from '../../src/content/schemas/survey';

/** Inside the site folder, beside the per-audience builds (never inside one of them). */
export const SERVER_MANIFEST = '.server/manifest.json';
export const MANIFEST_VERSION = 1;

const id = z.string().min(1).max(200);
const audience = z.array(z.string().min(1)).min(1, 'name at least one audience');
const sitePath = z.string().regex(/^\//, 'expected a site path starting with /');
const jalaliDay = z.strictObject({ year: z.number().int(), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) });

export const manifestLessonSchema = z.strictObject({
  /** The doc id, `meter-reading/01-schedule-routes`. */
  id,
  /** Its page, `/courses/meter-reading/schedule-routes`: serving it is what proves it was opened. */
  permalink: sitePath,
  /** Words of its text, for the minimum reading time. */
  words: z.number().int().min(0),
});

export const manifestCourseSchema = z.strictObject({
  id,
  title: z.string().min(1),
  audience,
  lessons: z.array(manifestLessonSchema),
  quiz: quizSchema.optional(),
  /** Questions citing a clause the newest published edition repealed: kept for grading old attempts, never drawn again. */
  retiredQuestions: z.array(id).default([]),
  /** Months a completion holds before it must be earned again (course `validForMonths`); absent: no limit. */
  validForMonths: z.number().int().positive().optional(),
});

export const manifestSeminarSchema = z.strictObject({
  id,
  permalink: sitePath,
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  seminar: z.strictObject({
    title: z.string().min(1),
    audience,
    capacity: z.number().int().positive(),
    durationMinutes: z.number().int().positive(),
    /** The presenter's name, for survey results per presenter (older manifests lack it). */
    presenter: z.string().min(1).optional(),
  }),
});

export const manifestRegulationSchema = z.strictObject({
  code: z.string().min(1),
  /** Its page in `docs/` (the only text on a site without editions; the next edition otherwise). */
  current: sitePath.nullable(),
  /** Its page in each published edition that has it, by edition name. */
  editions: z.record(z.string(), sitePath),
  /**
   * Its text in each edition (`current`: docs/): title, who may read it and its clauses, so a
   * reader's suggestion on a clause is checked against what they could have read.
   */
  texts: z
    .record(
      z.string(),
      z.strictObject({
        title: z.string(),
        audience: z.array(z.string()),
        clauses: z.array(z.strictObject({ anchor: z.string(), label: z.string() })),
      }),
    )
    .optional(),
});

export const manifestAnnouncementSchema = z.strictObject({
  /** The file name without extension, `1404-02-10-acknowledgement-procedure`. */
  id,
  title: z.string().min(1),
  permalink: sitePath,
  published: jalaliDay,
  audience,
  /** sha256 (hex) of the title and body: an acknowledgment of another text is refused. */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex'),
  /** Who must acknowledge it and by when; null: nobody is asked to. */
  acknowledge: z
    .strictObject({
      everyone: z.boolean(),
      roles: z.array(z.string().min(1)),
      companies: z.array(z.string().min(1)),
      units: z.array(z.string().min(1)),
      due: jalaliDay.nullable(),
      dueDays: z.number().int().positive().nullable(),
    })
    .nullable(),
  /** The regulations it is about (front matter `regulations`). */
  regulations: z.array(z.string().min(1)).default([]),
  /**
   * The published editions, effective after it was published, that changed one of those
   * regulations: the approver decides for each whether readers must acknowledge it again.
   */
  changedBy: z.array(z.strictObject({ edition: id, regulations: z.array(z.string().min(1)).min(1) })).default([]),
});

const diffSegment = z.strictObject({ kind: z.enum(['same', 'inserted', 'deleted']), text: z.string() });

/** A question or lesson citing a clause an edition changed (src/domain/training/stale.ts), for the editors' review. */
export const manifestStaleFlagSchema = z.strictObject({
  kind: z.enum(['question', 'lesson']),
  id,
  course: id,
  edition: id,
  from: id,
  cites: z.array(
    z.strictObject({
      cite: z.string(),
      code: z.string(),
      anchor: z.string(),
      change: z.enum(['amended', 'repealed']),
      /** False when the edition's approver marked the change editorial (no refresher). */
      material: z.boolean().default(true),
      redline: z.array(
        z.strictObject({
          anchor: z.string(),
          title: z.string(),
          change: z.enum(['added', 'removed', 'amended', 'unchanged']),
          titleSegments: z.array(diffSegment),
          segments: z.array(diffSegment),
        }),
      ),
    }),
  ),
});

export const serverManifestSchema = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  builtAt: z.iso.datetime(),
  courses: z.array(manifestCourseSchema),
  seminars: z.array(manifestSeminarSchema),
  editions: z.array(z.strictObject({ name: id, effective: jalaliDay })),
  regulations: z.array(manifestRegulationSchema),
  // A manifest written before announcements were in it still loads (with none to acknowledge).
  announcements: z.array(manifestAnnouncementSchema).default([]),
  /** `content/organisations.yml`: the companies and units announcements may address, by code; the server keeps its tables in step. */
  organisations: z
    .strictObject({
      companies: z.array(z.strictObject({ id, title: z.string().min(1) })),
      units: z.array(z.strictObject({ id, title: z.string().min(1) })),
    })
    .default({ companies: [], units: [] }),
  /** «نیازمند بازبینی»: every (question or lesson, edition) whose cited clause that edition changed; `next` is docs/. */
  stale: z.array(manifestStaleFlagSchema).default([]),
  /** `content/surveys.yml` (null: the site asks no survey; older manifests lack it). */
  surveys: surveysSchema.nullable().default(null),
});

export type ServerManifest = z.output<typeof serverManifestSchema>;
export type ManifestStaleFlag = z.output<typeof manifestStaleFlagSchema>;
export type ManifestCourse = z.output<typeof manifestCourseSchema>;
export type ManifestSeminar = z.output<typeof manifestSeminarSchema>;
export type ManifestAnnouncement = z.output<typeof manifestAnnouncementSchema>;
export type ManifestRegulation = z.output<typeof manifestRegulationSchema>;
