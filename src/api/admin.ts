/** `/api/admin/*`: the admin page's users list, one new user, the contractor CSV import. */
import { z } from './zod';
import { publicUserSchema } from './auth';
import { labelled } from './fields';
import { ROLES } from './roles';
import { defineRoute } from './route';

export const organisationOptionSchema = z.object({ code: z.string(), name: z.string() });
export type OrganisationOption = z.infer<typeof organisationOptionSchema>;

export const adminUserSchema = publicUserSchema.extend({ createdAt: z.number(), disabled: z.boolean() });
export type AdminUser = z.infer<typeof adminUserSchema>;

/** Text as a form sends it: a missing or null field is empty (the account rules then say what is missing). */
const formText = (label: string) => labelled(z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? '' : String(v))), label);

/**
 * One new user. The schema only brings the form's values to text; the account rules
 * (server/accounts/validation.ts, shared with the CSV import and the CLI) judge them, each
 * problem per field.
 */
export const newUserBodySchema = z.object({
  username: formText('نام کاربری'),
  password: formText('گذرواژه'),
  displayName: formText('نام و نام خانوادگی'),
  role: formText('نقش'),
  company: formText('شرکت'),
  /** The company and the service unit from the organisations table, by code; empty: none. */
  companyCode: formText('شرکت'),
  unitCode: formText('واحد'),
  /** Where reminders are mailed; empty: none (the inbox only). */
  email: formText('رایانامه'),
  /** Where reminders are texted (SMS); empty: none. Persian or Latin digits. */
  phone: formText('شمارهٔ همراه'),
});
export type NewUserBody = z.input<typeof newUserBodySchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  actor: z.string(),
  action: z.enum(['user.create', 'user.disable', 'contractors.import']),
  target: z.string(),
  detail: z.record(z.string(), z.unknown()),
  address: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Persian names of the audited actions, for the admin page. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditEntry['action'], string>> = {
  'user.create': 'ساخت کاربر',
  'user.disable': 'غیرفعال‌کردن کاربر',
  'contractors.import': 'ورود کارکنان پیمانکار',
};

export const adminRoutes = {
  listUsers: defineRoute({
    method: 'GET',
    path: '/api/admin/users',
    response: z.object({
      users: z.array(adminUserSchema),
      roles: z.record(z.enum(ROLES), z.string()),
      /** The companies and units a new user can be given (those with a code). */
      organisations: z.object({ companies: z.array(organisationOptionSchema), units: z.array(organisationOptionSchema) }),
    }),
  }),
  createUser: defineRoute({ method: 'POST', path: '/api/admin/users', body: newUserBodySchema, response: z.object({ user: adminUserSchema }) }),
  disableUser: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:username/disable',
    params: z.object({ username: z.string().min(1).max(64) }),
    body: z.object({}).nullish(),
    response: z.object({ user: adminUserSchema }),
  }),
  /** The newest entries of the audit log (append-only). */
  audit: defineRoute({ method: 'GET', path: '/api/admin/audit', response: z.object({ entries: z.array(auditEntrySchema) }) }),
  importContractors: defineRoute({
    method: 'POST',
    path: '/api/admin/contractors/import',
    bodyType: 'text',
    body: labelled(z.string(), 'پروندهٔ CSV'),
    response: z.object({
      imported: z.array(
        z.object({
          row: z.number().int(),
          username: z.string(),
          displayName: z.string(),
          company: z.string(),
          /** Set when the CSV left the password empty: shown once, to hand to the person. */
          generatedPassword: z.string().optional(),
        }),
      ),
    }),
  }),
};
