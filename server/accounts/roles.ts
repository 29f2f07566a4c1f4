/**
 * The roles of Ayin's users: declared once in the API contract (src/api/roles.ts), with their
 * Persian names and the build each reads; this module adds the server's types around them.
 */
import type { BuildAudience } from '../../src/content/build-audience';
import type { Audience } from '../../src/search/audience';
import { audienceOfRole as contractAudienceOfRole, isRole, ROLE_BUILD, ROLE_LABELS, ROLES, type Role } from '../../src/api/roles';

export { isRole, ROLE_LABELS, ROLES, type Role };

/** Contractors read contractor and public texts; every company role reads everything. */
export function audienceOfRole(role: Role | undefined): Audience {
  return contractAudienceOfRole(role);
}

/** The site build a role is served (see src/content/build-audience.ts); visitors get `public`. */
export function buildAudienceOfRole(role: Role | undefined): BuildAudience {
  return role ? ROLE_BUILD[role] : 'public';
}
