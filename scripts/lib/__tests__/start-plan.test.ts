/** What `npm start` builds behind the running server, and in which order. */
import { describe, expect, it } from 'vitest';
import { BUILD_AUDIENCES, type BuildAudience } from '../../../src/content/build-audience';
import type { BuildStamp } from '../site-build';
import { planStart } from '../start-plan';

const stampOf = (sourcesAt: number, listedEdition: string | null, audiences: readonly BuildAudience[] = BUILD_AUDIENCES): BuildStamp => ({
  builtAt: '2026-12-01T08:00:00.000Z',
  builtFor: '1405-09-10',
  listedEdition,
  audiences: Object.fromEntries(audiences.map((a) => [a, { builtAt: '2026-12-01T08:00:00.000Z', sourcesAt, listedEdition }])),
});

describe('planStart', () => {
  it('builds everything on a fresh clone, the public site first, and says which readers must wait', () => {
    const plan = planStart({ audiences: BUILD_AUDIENCES, present: () => false, stamp: undefined, sourcesAt: 1000, inForce: '1404-09' });
    expect(plan.builds.map((b) => b.audience)).toEqual(['public', 'contractor', 'staff', 'editor']);
    expect(plan.builds.every((b) => b.reason === 'missing')).toBe(true);
    expect(plan.missing).toEqual(['public', 'contractor', 'staff', 'editor']);
  });

  it('builds nothing when every build is newer than its sources and lists the edition in force', () => {
    const plan = planStart({ audiences: BUILD_AUDIENCES, present: () => true, stamp: stampOf(2000, '1404-09'), sourcesAt: 1500, inForce: '1404-09' });
    expect(plan.builds).toEqual([]);
    expect(plan.missing).toEqual([]);
  });

  it('rebuilds stale builds behind the old ones (nobody waits), and a missing one is waited for', () => {
    const present = (a: BuildAudience) => a !== 'editor';
    const plan = planStart({ audiences: BUILD_AUDIENCES, present, stamp: stampOf(2000, '1404-09', ['public', 'contractor', 'staff']), sourcesAt: 2500, inForce: '1404-09' });
    expect(plan.builds).toEqual([
      { audience: 'public', reason: 'sources' },
      { audience: 'contractor', reason: 'sources' },
      { audience: 'staff', reason: 'sources' },
      { audience: 'editor', reason: 'missing' },
    ]);
    expect(plan.missing).toEqual(['editor']);
  });

  it('rebuilds when a new edition has taken effect since the build, and when the stamp is older than per-audience stamps', () => {
    expect(planStart({ audiences: ['staff'], present: () => true, stamp: stampOf(2000, '1404-09'), sourcesAt: 1500, inForce: '1406-01' }).builds).toEqual([{ audience: 'staff', reason: 'edition' }]);
    expect(planStart({ audiences: ['staff'], present: () => true, stamp: undefined, sourcesAt: 1500, inForce: '1406-01' }).builds).toEqual([{ audience: 'staff', reason: 'unstamped' }]);
  });
});
