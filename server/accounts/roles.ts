/**
 * The roles of Ayin's users: declared once in the API contract (src/api/roles.ts), with their
 * Persian names. What each role reads is the audience policy's decision (src/policy/audience.ts),
 * not this file's.
 */
import { isRole, ROLE_LABELS, ROLES, type Role } from '../../src/api/roles';
import { createAudiencePolicy, type Audience, type BuildAudience } from '../../src/policy/audience';

export { isRole, ROLE_LABELS, ROLES, type Role };

const policy = createAudiencePolicy();

/** What a signed-in role may read (no role: a visitor's `public`). */
export function audienceOfRole(role: Role | undefined): Audience {
  return role ? policy.audienceOf({ role }) : 'public';
}

/** The site build a role is served (see src/policy/audience.ts). */
export function buildAudienceOfRole(role: Role | undefined): BuildAudience {
  return role ? policy.buildFor({ role }) : 'public';
}
