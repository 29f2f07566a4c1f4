import { describe, expect, it } from 'vitest';
import { createAudiencePolicy } from '../../../src/policy/audience';
import { createSeminarCatalog, type ServedSeminar } from '../catalog';

const seminar = (id: string, audience: string[]): ServedSeminar => ({ id, permalink: `/seminars/${id}`, startsAt: 0, endsAt: 1, seminar: { title: 'نشست', audience, capacity: 5, durationMinutes: 60 } });
const SEMINARS = [seminar('for-contractors', ['contractor']), seminar('for-staff', ['staff']), seminar('for-all', ['public']), seminar('for-nobody', [])];

describe('the seminar catalog asks the audience policy', () => {
  it('shows a visitor what the configured visitor audience may read', () => {
    const internet = createSeminarCatalog(SEMINARS, createAudiencePolicy());
    const intranet = createSeminarCatalog(SEMINARS, createAudiencePolicy({ visitorAudience: 'contractor' }));
    expect(['for-contractors', 'for-staff', 'for-all'].filter((id) => internet.readable(id, null))).toEqual(['for-all']);
    expect(['for-contractors', 'for-staff', 'for-all'].filter((id) => intranet.readable(id, null))).toEqual(['for-contractors', 'for-all']);
  });

  it('shows signed-in readers what their role reads, and a seminar naming no audience to nobody', () => {
    const catalog = createSeminarCatalog(SEMINARS, createAudiencePolicy({ visitorAudience: 'staff' }));
    expect(catalog.readable('for-staff', { role: 'contractor' })).toBeUndefined();
    expect(catalog.readable('for-staff', { role: 'supervisor' })?.id).toBe('for-staff');
    for (const reader of [null, { role: 'admin' }, { role: 'contractor' }]) expect(catalog.readable('for-nobody', reader)).toBeUndefined();
    expect(catalog.readable('missing', { role: 'admin' })).toBeUndefined();
  });

  it('follows a list that changes (the manifest in force)', () => {
    let list: readonly ServedSeminar[] = SEMINARS;
    const catalog = createSeminarCatalog(() => list, createAudiencePolicy());
    expect(catalog.readable('late', { role: 'staff' })).toBeUndefined();
    list = [...SEMINARS, seminar('late', ['staff'])];
    expect(catalog.readable('late', { role: 'staff' })?.id).toBe('late');
  });
});
