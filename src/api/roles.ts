/**
 * The roles of Ayin's users, in one place: their ids (the database's CHECK, the session, the
 * admin form), their Persian names, and the site build each one is served. Everything else
 * (the DB schema types, the server's guards, the browser) reads them from here.
 */
import { z } from './zod';

export const ROLES = ['staff', 'contractor', 'editor', 'approver', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  staff: 'کارشناس',
  contractor: 'پیمانکار',
  editor: 'ویراستار',
  approver: 'تأییدکننده',
  supervisor: 'ناظر',
  admin: 'مدیر سامانه',
};

// Which build each role is served, and what it may read, is the audience policy's (src/policy/audience.ts).

/** Who manages seminars (registrants, attendance) and reads the training reports. */
export const SUPERVISING_ROLES: readonly Role[] = ['supervisor', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Who reviews questions and lessons flagged «نیازمند بازبینی» after an edition changed a cited clause. */
export const REVIEWING_ROLES: readonly Role[] = ['editor', 'approver', 'admin'];
