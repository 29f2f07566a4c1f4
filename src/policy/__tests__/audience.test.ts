import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../server/db/schema';
import { AUDIENCES, BUILD_OF_ROLE, audienceFilter, canSee, createAudiencePolicy, inBuild } from '../audience';

describe('the audience policy', () => {
  it('denies an item that names no audience to every reader, staff included', () => {
    for (const audience of AUDIENCES) {
      expect(canSee(audience, [])).toBe(false);
      expect(canSee(audience, undefined)).toBe(false);
      expect(canSee(audience, null)).toBe(false);
      expect(canSee(audience, 'staff' as unknown as string[])).toBe(false);
    }
    expect(inBuild('editor', [])).toBe(false);
  });

  it('lets staff read everything named, contractors contractor and public, the public public only', () => {
    expect(canSee('staff', ['staff'])).toBe(true);
    expect(canSee('staff', ['public'])).toBe(true);
    expect(canSee('contractor', ['staff'])).toBe(false);
    expect(canSee('contractor', ['staff', 'contractor'])).toBe(true);
    expect(canSee('contractor', ['public'])).toBe(true);
    expect(canSee('public', ['contractor'])).toBe(false);
    expect(canSee('public', ['public'])).toBe(true);
    expect(canSee('public', ['everyone'])).toBe(false);
  });

  it('maps every role of the accounts to a build (none falls through to the default)', () => {
    expect(Object.keys(BUILD_OF_ROLE).sort()).toEqual([...ROLES].sort());
  });

  it('serves visitors the configured audience and signed-in readers their role’s build', () => {
    const intranet = createAudiencePolicy({ visitorAudience: 'contractor' });
    expect(intranet.buildFor(null)).toBe('contractor');
    expect(intranet.mayRead(null, ['contractor'])).toBe(true);
    expect(intranet.mayRead(null, ['staff'])).toBe(false);
    const internet = createAudiencePolicy();
    expect(internet.buildFor(null)).toBe('public');
    expect(internet.mayRead(null, ['contractor'])).toBe(false);
    expect(internet.buildFor({ role: 'approver' })).toBe('editor');
    expect(internet.audienceOf({ role: 'approver' })).toBe('staff');
    expect(internet.buildFor({ role: 'supervisor' })).toBe('staff');
    expect(internet.mayRead({ role: 'contractor' }, ['staff'])).toBe(false);
  });

  it('gives a role it does not know the least: the public build, even on an intranet', () => {
    const intranet = createAudiencePolicy({ visitorAudience: 'staff' });
    expect(intranet.buildFor({ role: 'auditor' })).toBe('public');
    expect(intranet.buildFor({ role: '__proto__' })).toBe('public');
    expect(intranet.buildFor({ role: 'toString' })).toBe('public');
    expect(intranet.mayRead({ role: 'auditor' }, ['staff'])).toBe(false);
  });

  it('refuses a visitor audience that is not an audience', () => {
    expect(() => createAudiencePolicy({ visitorAudience: 'editor' as never })).toThrow(/visitor audience must be one of/);
  });

  it('writes the tenant-token filter from the same table', () => {
    expect(audienceFilter('staff')).toBeNull();
    expect(audienceFilter('contractor')).toBe('audience IN [contractor, public]');
    expect(audienceFilter('public')).toBe('audience IN [public]');
  });
});
