/** The roles of Ayin's users, their Persian names, and what each may read. */
import type { Audience } from '../../src/search/audience';
import type { BuildAudience } from '../../src/content/build-audience';
import { ROLES, type Role } from '../db/schema';

export { ROLES, type Role };

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

/** Contractors read contractor and public texts; every company role reads everything. */
export function audienceOfRole(role: Role | undefined): Audience {
  if (!role) return 'public';
  return role === 'contractor' ? 'contractor' : 'staff';
}

/** The site build a role is served (see src/content/build-audience.ts). */
export function buildAudienceOfRole(role: Role | undefined): BuildAudience {
  if (role === 'editor' || role === 'approver') return 'editor';
  return audienceOfRole(role);
}
