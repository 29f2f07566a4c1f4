/**
 * The subset of xAPI 1.0.3 statements Ayin emits, as a zod schema: what the test receiver
 * checks every arriving statement against, so a statement of another shape fails a test.
 */
import { z } from '../../src/api/zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** ISO 8601 as `Date#toISOString` writes it (xAPI asks for a timezone; `Z` is one). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const iri = z.string().regex(/^https?:\/\/[^\s]+$/);
const languageMap = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().min(1));

export const ADL_VERBS = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;
export type XapiVerb = keyof typeof ADL_VERBS;

const activity = z.strictObject({
  objectType: z.literal('Activity'),
  id: iri,
  definition: z.strictObject({ type: iri, name: languageMap }),
});

export const xapiStatementSchema = z.strictObject({
  id: z.string().regex(UUID),
  version: z.literal('1.0.3'),
  actor: z.strictObject({
    objectType: z.literal('Agent'),
    name: z.string().min(1),
    // By account on Ayin's homepage, never by e-mail (mbox): the LRS learns no address.
    account: z.strictObject({ homePage: iri, name: z.string().min(1) }),
  }),
  verb: z.strictObject({ id: z.enum(Object.values(ADL_VERBS) as [string, ...string[]]), display: languageMap }),
  object: activity,
  result: z
    .strictObject({
      score: z.strictObject({ scaled: z.number().min(0).max(1), raw: z.number(), min: z.literal(0), max: z.literal(100) }).optional(),
      success: z.boolean().optional(),
      completion: z.boolean().optional(),
    })
    .optional(),
  context: z.strictObject({
    platform: z.literal('آیین'),
    language: z.literal('fa-IR'),
    contextActivities: z.strictObject({
      parent: z.array(activity).optional(),
      // The edition the learning rests on, as an activity of its own (its page on the site).
      grouping: z.array(activity).min(1),
    }),
    extensions: z.record(iri, z.string()),
  }),
  timestamp: z.string().regex(ISO_TIMESTAMP),
});
export type XapiStatement = z.infer<typeof xapiStatementSchema>;
