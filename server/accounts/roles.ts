/** The roles of Ayin's users, their Persian names, and what each may read. */
import { createAudiencePolicy, type Audience, type BuildAudience } from '../../src/policy/audience';
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

// What each role reads is the audience policy's decision (src/policy/audience.ts), not this file's.
const policy = createAudiencePolicy();

/** What a signed-in role may read (no role: a visitor's `public`). */
export function audienceOfRole(role: Role | undefined): Audience {
  return role ? policy.audienceOf({ role }) : 'public';
}

/** The site build a role is served (see src/policy/audience.ts). */
export function buildAudienceOfRole(role: Role | undefined): BuildAudience {
  return role ? policy.buildFor({ role }) : 'public';
}
