/**
 * `/api/training/stale`: the build's stale flags for editors, and marking one reviewed (who
 * and when, on the injected clock), on SQLite and PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import type { StaleFlag } from '../../../src/domain/training/stale';
import { as, buildTrainingApp, errorOf, signIn, testCatalog } from './fixture';

const dialects = testDatabases();
const START = Date.UTC(2025, 11, 1, 8, 0, 0);

const FLAGS: StaleFlag[] = [
  {
    kind: 'question',
    id: 'cc-18',
    course: 'customer-conduct',
    edition: '1404-09',
    from: '1403-07',
    cites: [
      {
        cite: 'reg:ES-007#ماده-۵-بند-۱',
        code: 'ES-007',
        anchor: 'ماده-۵-بند-۱',
        change: 'amended',
        redline: [{ anchor: 'ماده-۵-تبصره-۲', title: 'تبصره ۲', change: 'added', titleSegments: [], segments: [{ kind: 'inserted', text: 'در دمای بالای ۴۵ درجه قطع ممنوع است.' }] }],
      },
    ],
  },
  { kind: 'lesson', id: 'customer-conduct/02-disconnection-notices', course: 'customer-conduct', edition: '1404-09', from: '1403-07', cites: [] },
];
const key = { kind: 'question', course: 'customer-conduct', id: 'cc-18', edition: '1404-09' } as const;

describe.each(dialects)('stale flags on $name', (t) => {
  let app: FastifyInstance;
  let clock = START;
  let seed: UserRow[];

  beforeAll(async () => {
    seed = await Promise.all([
      userRowFor({ username: 'mina.editor', password: 'mina-password-1', displayName: 'مینا ویراستار', role: 'editor', company: null }, START),
      userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نور' }, START),
    ]);
  });
  beforeEach(async () => {
    clock = START;
    await t.reset();
    await t.db.deleteFrom('stale_reviews').execute();
    await t.db.insertInto('users').values(seed).execute();
    app = await buildTrainingApp(t.handle, () => clock, undefined, undefined, testCatalog({ staleFlags: FLAGS }));
  });
  afterEach(() => app.close());

  it('lists the flags for an editor and records who reviewed one and when; a second review changes nothing', async () => {
    const mina = await signIn(app, 'mina.editor', 'mina-password-1');
    const listed = (await as(app, mina).get('/api/training/stale')).json() as { flags: { id: string; review: unknown }[] };
    expect(listed.flags.map((f) => [f.id, f.review])).toEqual([
      ['cc-18', null],
      ['customer-conduct/02-disconnection-notices', null],
    ]);

    clock = START + 60_000;
    const reviewed = await as(app, mina).post('/api/training/stale/review', key);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ id: 'cc-18', review: { by: 'مینا ویراستار', at: new Date(START + 60_000).toISOString() } });

    clock = START + 120_000;
    await as(app, mina).post('/api/training/stale/review', key);
    const rows = await t.db.selectFrom('stale_reviews').selectAll().execute();
    expect(rows.map((r) => [r.item_id, r.edition, r.reviewer_name, Number(r.reviewed_at)])).toEqual([['cc-18', '1404-09', 'مینا ویراستار', START + 60_000]]);

    // Reviewed ones go to the end of the list.
    const after = (await as(app, mina).get('/api/training/stale')).json() as { flags: { id: string }[] };
    expect(after.flags.map((f) => f.id)).toEqual(['customer-conduct/02-disconnection-notices', 'cc-18']);
  });

  it('tells learners the course is under review until every flag of a published edition is reviewed; the draft (next) does not count', async () => {
    await app.close();
    const draft: StaleFlag = { kind: 'lesson', id: 'customer-conduct/01-respect-takrim', course: 'customer-conduct', edition: 'next', from: '1406-01', cites: [] };
    app = await buildTrainingApp(t.handle, () => clock, undefined, undefined, testCatalog({ staleFlags: [...FLAGS, draft] }));
    const reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    const notice = async (course: string) => (await as(app, reza).get(`/api/training/courses/${course}/review-notice`)).json() as { underReview: boolean };
    expect(await notice('customer-conduct')).toEqual({ underReview: true });
    expect(await notice('meter-reading')).toEqual({ underReview: false });
    errorOf(await as(app, reza).get('/api/training/courses/staff-briefing/review-notice'), 404, 'course_not_found');

    const mina = await signIn(app, 'mina.editor', 'mina-password-1');
    await as(app, mina).post('/api/training/stale/review', key);
    expect(await notice('customer-conduct')).toEqual({ underReview: true });
    await as(app, mina).post('/api/training/stale/review', { ...key, kind: 'lesson', id: 'customer-conduct/02-disconnection-notices' });
    // Only the draft's flag is left unreviewed: learners are not told of a text not yet published.
    expect(await notice('customer-conduct')).toEqual({ underReview: false });
  });

  it('refuses a contractor (403), an unknown flag (404) and a bad kind (400), recording nothing', async () => {
    const reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    expect((await as(app, reza).get('/api/training/stale')).statusCode).toBe(403);
    expect((await as(app, reza).post('/api/training/stale/review', key)).statusCode).toBe(403);
    const mina = await signIn(app, 'mina.editor', 'mina-password-1');
    errorOf(await as(app, mina).post('/api/training/stale/review', { ...key, edition: '1406-01' }), 404, 'stale_flag_not_found');
    expect((await as(app, mina).post('/api/training/stale/review', { ...key, kind: 'seminar' })).statusCode).toBe(400);
    expect(await t.db.selectFrom('stale_reviews').selectAll().execute()).toEqual([]);
  });
});
