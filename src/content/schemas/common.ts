/** Field types shared by the content schemas. */
import * as z from 'zod';
import { parseCite } from '../../domain/quiz/cites';
import { parseJalali, type JalaliDate } from '../../domain/jalali';

/** A Jalali date as typed in front matter (`1404/09/01`, any digit set), checked for real. */
export const jalaliDate = z
  .union([z.string(), z.number()], { error: 'expected a Jalali date like 1404/09/01' })
  .transform((value, ctx): JalaliDate => {
    const parsed = parseJalali(String(value));
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.date;
  });

export const regulationCode = z
  .string({ error: 'expected a regulation code like CS-003' })
  .regex(/^[A-Z]{2}-\d{3}$/, 'expected a regulation code like CS-003 (two capital letters, dash, three digits)');

export const persianText = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty');

export const sampleFlag = z.boolean({ error: 'expected true or false' }).default(false);

/** The front matter keys Docusaurus itself reads, allowed beside ours. */
export const docusaurusDocKeys = {
  sidebar_position: z.number().optional(),
  sidebar_label: z.string().optional(),
};

/** An enum whose values come from a taxonomy file, with an error that lists them. */
export function oneOf(ids: readonly string[], what: string) {
  return z.string({ error: `expected one of the ${what}: ${ids.join(', ')}` }).refine((v) => ids.includes(v), {
    error: (issue) => `unknown ${what} "${String(issue.input)}"; expected one of: ${ids.join(', ')}`,
  });
}

/** `reg:CODE#anchor` (lessons may omit `reg:`), stored with the canonical anchor (Persian digits) so links resolve. */
export const clauseCite = z
  .string({ error: 'expected a clause citation like reg:ES-003#ماده-۴' })
  .transform((value, ctx) => {
    const parsed = parseCite(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `malformed citation "${value}"; expected reg:CODE#clause, e.g. reg:ES-003#ماده-۴ or reg:ES-003#ماده-۴-تبصره-۲` });
      return z.NEVER;
    }
    return `reg:${parsed.code}#${parsed.anchor}`;
  });
