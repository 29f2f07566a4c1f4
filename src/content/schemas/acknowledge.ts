/**
 * Who must acknowledge an announcement (تأیید وصول) and by when: the optional `acknowledge`
 * block of its front matter. Targets are roles, contractor companies, service units, or
 * `everyone`; the companies and units are the ids of `content/organisations.yml`, so a typo is
 * a validation error at its line, not an announcement silently addressed to nobody.
 */
import * as z from 'zod';
import { ROLES } from '../../api/roles';
import { jalaliDate, oneOf, persianText } from './common';

export const organisationSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case Latin id like pars-niroo'),
  title: persianText,
});

/** `content/organisations.yml`: the contractor companies and the service units. */
export const organisationsSchema = z.strictObject({
  companies: z.array(organisationSchema).default([]),
  units: z.array(organisationSchema).default([]),
});

export type Organisations = z.output<typeof organisationsSchema>;
export const NO_ORGANISATIONS: Organisations = { companies: [], units: [] };

export function acknowledgeSchema(organisations: Organisations) {
  return z
    .strictObject({
      /** Every signed-in user of the announcement's audience. */
      everyone: z.boolean({ error: 'expected true or false' }).default(false),
      roles: z.array(oneOf(ROLES, 'roles')).default([]),
      companies: z.array(oneOf(organisations.companies.map((c) => c.id), 'companies')).default([]),
      units: z.array(oneOf(organisations.units.map((u) => u.id), 'units')).default([]),
      /** A fixed Jalali due date, or `dueDays` after publication; not both. */
      due: jalaliDate.optional(),
      dueDays: z.number({ error: 'expected a whole number of days' }).int('expected a whole number of days').min(1, 'at least 1 day').max(365, 'at most 365 days').optional(),
    })
    .superRefine((value, ctx) => {
      if (!value.everyone && !value.roles.length && !value.companies.length && !value.units.length) {
        ctx.addIssue({ code: 'custom', path: [], message: 'name who must acknowledge: everyone: true, or roles, companies or units' });
      }
      if (value.everyone && (value.roles.length || value.companies.length || value.units.length)) {
        ctx.addIssue({ code: 'custom', path: ['everyone'], message: 'everyone: true already names every reader; remove roles, companies and units' });
      }
      if (value.due && value.dueDays !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['dueDays'], message: 'give either due or dueDays, not both' });
      }
      if (!value.due && value.dueDays === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'give a due date (due: 1404/03/01) or dueDays' });
      }
    });
}

export type AcknowledgeTargets = z.output<ReturnType<typeof acknowledgeSchema>>;
