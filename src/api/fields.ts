/**
 * Persian names of request fields, kept with the schemas, and the one function that turns a
 * rejected request into the sentence a user reads: «نام کاربری» را وارد کنید.
 *
 * Used by the server (every route's input) and available to the browser (forms can show the
 * same sentence before sending).
 */
import { z } from './zod';

export const fieldLabels = z.registry<{ label: string }, z.ZodType>();

/** The schema, with the Persian name its errors use. */
export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  fieldLabels.add(schema, { label });
  return schema;
}

/** Where a request part was rejected, and why, in Persian. */
export interface RequestIssue {
  readonly field: string;
  readonly message: string;
  /** Every top-level field with a problem, for the form. */
  readonly fields: readonly string[];
}

const NOT_AN_OBJECT = 'بدنهٔ درخواست باید یک شیء JSON باشد.';

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema as z.ZodType & { unwrap?: () => z.ZodType };
  // optional/nullable/default wrappers keep the label of what they wrap
  for (let i = 0; i < 5 && !fieldLabels.has(s) && typeof s.unwrap === 'function'; i++) s = s.unwrap() as typeof s;
  return s;
}

function labelOf(schema: z.ZodType, field: string): string {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  const child = shape?.[field];
  const label = child ? fieldLabels.get(child)?.label ?? fieldLabels.get(unwrap(child))?.label : undefined;
  return `«${label ?? field}»`;
}

function messageFor(issue: z.core.$ZodIssue, label: string, given: unknown): string {
  if (given === undefined || given === null || given === '') return `${label} را وارد کنید.`;
  if (issue.code === 'invalid_type' && issue.expected === 'string') return `${label} باید متن باشد.`;
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return `${label} باید درست یا نادرست باشد.`;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return `${label} باید عدد باشد.`;
  if (issue.code === 'too_big') return `${label} بیش از حد طولانی است.`;
  if (issue.code === 'too_small' && typeof given === 'string') return `${label} را وارد کنید.`;
  if (issue.code === 'unrecognized_keys') return `${label} در این درخواست پذیرفته نیست.`;
  // A schema's own check that explains itself in Persian (an impossible date): its reason, after the field's name.
  if (issue.code === 'custom' && /[\u0600-\u06FF]/.test(issue.message)) return `${label}: ${issue.message}`;
  return `${label} معتبر نیست.`;
}

/**
 * Parses one part of a request (body, query or params) with its schema. An object schema
 * names the first rejected field in the message.
 */
export function parseRequestPart<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; issue: RequestIssue } {
  const isObjectSchema = schema instanceof z.ZodObject;
  if (isObjectSchema && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    return { ok: false, issue: { field: '', message: NOT_AN_OBJECT, fields: [] } };
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const first = result.error.issues[0]!;
  const keysOf = (i: z.core.$ZodIssue) => (i.code === 'unrecognized_keys' ? i.keys : [String(i.path[0] ?? '')]);
  const fields = [...new Set(result.error.issues.flatMap(keysOf))].filter(Boolean);
  const field = keysOf(first)[0] ?? '';
  const given = field && typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : value;
  const label = field ? labelOf(schema, field) : '«درخواست»';
  return { ok: false, issue: { field, message: messageFor(first, label, first.code === 'unrecognized_keys' ? 'x' : given), fields } };
}
