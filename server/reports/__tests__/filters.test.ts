/**
 * The supervision reports' filters on SQLite and PostgreSQL: company and service unit (by
 * their codes in content/organisations.yml, through `users.company_id`/`unit_id`), course and a
 * Jalali day range narrow every report the same way — the tables, the charts' data, and the CSV
 * and XLSX of the same request (the XLSX read back with exceljs). Bad filters are 400s in
 * Persian naming the field.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import type { CatalogStaleFlag } from '../../training/catalog';
import { amendedQuestionFlag, as, buildTrainingApp, COURSE, errorOf, LESSONS, signIn, testCatalog } from '../../training/__tests__/fixture';
import { createReportsService, type ReportsService } from '../service';

const dialects = testDatabases();
const AUTUMN = Date.UTC(2025, 10, 15, 8, 0, 0); // 1404/08/24 in Tehran
const WINTER = Date.UTC(2025, 11, 1, 8, 0, 0); // 1404/09/10
const NOW = Date.UTC(2025, 11, 10, 8, 0, 0); // 1404/09/19, after edition 1404-09

const PARS = { id: 'c-pars', code: 'pars-niroo-khadamat', name: 'شرکت خدمات برق پارس نیرو' };
const ROSHAN = { id: 'c-roshan', code: 'roshan-gostar-shomal', name: 'شرکت روشن‌گستر شمال' };
const SHOMAL = { id: 'u-shomal', code: 'omur-barq-shomal', name: 'امور برق شمال' };
const JONOUB = { id: 'u-jonoub', code: 'omur-barq-jonoub', name: 'امور برق جنوب' };

const FLAGS: CatalogStaleFlag[] = [amendedQuestionFlag()];

const result = (correct: Record<string, boolean>) =>
  JSON.stringify({ score: 0, correct: 0, total: 0, passed: false, perQuestion: Object.entries(correct).map(([id, ok]) => ({ id, correct: ok })) });

describe.each(dialects)('report filters on $name', (t) => {
  let seed: UserRow[];
  let reports: ReportsService;
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    const user = (username: string, company: { id: string; name: string } | null, unit: { id: string } | null, role: 'contractor' | 'supervisor' = 'contractor') =>
      userRowFor({ username, password: `${username}-password-1`, displayName: `کاربر ${username}`, role, company: company?.name ?? null }, AUTUMN, { companyId: company?.id ?? null, unitId: unit?.id ?? null });
    seed = await Promise.all([user('ali.pars', PARS, SHOMAL), user('bahar.pars', PARS, JONOUB), user('cyrus.roshan', ROSHAN, SHOMAL), user('naser.super', null, null, 'supervisor')]);
  });

  beforeEach(async () => {
    await t.reset();
    await t.db.insertInto('companies').values([PARS, ROSHAN].map((c) => ({ ...c, created_at: AUTUMN }))).execute();
    await t.db.insertInto('units').values([SHOMAL, JONOUB].map((u) => ({ ...u, created_at: AUTUMN }))).execute();
    await t.db.insertInto('users').values(seed).execute();
    const id = (username: string) => seed.find((u) => u.username === username)!.id;
    const attempt = (n: string, username: string, at: number, passed: boolean, correct: Record<string, boolean>) => ({
      id: n, user_id: id(username), course: COURSE, number: 1, seed: 's', questions: '[]', started_at: at, deadline: null, submitted_at: at + 60_000, score: passed ? 100 : 25, passed: passed ? 1 : 0, result: result(correct),
    });
    // ali (پارس، شمال) completes in autumn; bahar (پارس، جنوب) fails in winter; cyrus (روشن‌گستر، شمال) completes in winter.
    await t.db.insertInto('lesson_views').values([{ user_id: id('ali.pars'), course: COURSE, lesson: LESSONS[0]!, first_opened_at: AUTUMN }]).execute();
    await t.db
      .insertInto('quiz_attempts')
      .values([
        attempt('a-ali', 'ali.pars', AUTUMN, true, { 'q-single': true, 'q-tf': true }),
        attempt('a-bahar', 'bahar.pars', WINTER, false, { 'q-single': false, 'q-tf': false }),
        attempt('a-cyrus', 'cyrus.roshan', WINTER, true, { 'q-single': true, 'q-tf': false }),
      ])
      .execute();
    const certificate = (code: string, username: string, attemptId: string, at: number, edition: string) => ({
      code, user_id: id(username), course: COURSE, attempt_id: attemptId, issued_at: at + 60_000, edition, learner_name: username, company: null, course_title: 'دوره',
    });
    await t.db.insertInto('certificates').values([certificate('AAAAAAAAAA', 'ali.pars', 'a-ali', AUTUMN, '1403-07'), certificate('BBBBBBBBBB', 'cyrus.roshan', 'a-cyrus', WINTER, '1404-09')]).execute();
    reports = createReportsService({ db: t.db, catalog: testCatalog({ staleFlags: FLAGS }), now: () => NOW });
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const courseRows = async (filter: Parameters<ReportsService['resolve']>[0]) =>
    (await reports.courses(await reports.resolve(filter))).filter((r) => r.course === COURSE).map((r) => [r.company, r.learners, r.passed, r.completed]);

  it('narrows the course report by company, unit and Jalali day range (both digit forms), in the store', async () => {
    expect(await courseRows({})).toEqual([['همه', 3, 2, 2], [PARS.name, 2, 1, 1], [ROSHAN.name, 1, 1, 1]]);
    expect(await courseRows({ company: PARS.code })).toEqual([['همه', 2, 1, 1], [PARS.name, 2, 1, 1]]);
    expect(await courseRows({ unit: SHOMAL.code })).toEqual([['همه', 2, 2, 2], [PARS.name, 1, 1, 1], [ROSHAN.name, 1, 1, 1]]);
    expect(await courseRows({ company: PARS.code, unit: JONOUB.code })).toEqual([['همه', 1, 0, 0], [PARS.name, 1, 0, 0]]);
    // 1404/09/01 onwards: the autumn completion is outside.
    expect(await courseRows({ from: '۱۴۰۴/۰۹/۰۱' })).toEqual([['همه', 2, 1, 1], [PARS.name, 1, 0, 0], [ROSHAN.name, 1, 1, 1]]);
    // A one-day range, inclusive of its last day in Tehran.
    expect(await courseRows({ from: '1404/8/24', to: '1404/8/24' })).toEqual([['همه', 1, 1, 1], [PARS.name, 1, 1, 1]]);
    expect(await courseRows({ to: '1404/08/23' })).toEqual([['همه', 0, 0, 0]]);
    // A course filter leaves the other courses out.
    expect((await reports.courses(await reports.resolve({ course: 'customer-conduct' }))).every((r) => r.course === 'customer-conduct')).toBe(true);
  });

  it('narrows learners and questions the same way', async () => {
    const learners = async (filter: Parameters<ReportsService['resolve']>[0]) => (await reports.learners(await reports.resolve(filter))).map((r) => r.username).sort();
    expect(await learners({ unit: SHOMAL.code })).toEqual(['ali.pars', 'cyrus.roshan']);
    expect(await learners({ company: ROSHAN.code, course: COURSE })).toEqual(['cyrus.roshan']);
    expect(await learners({ from: '1404/09/01', to: '1404/09/30' })).toEqual(['bahar.pars', 'cyrus.roshan']);

    const single = async (filter: Parameters<ReportsService['resolve']>[0]) => (await reports.questions(await reports.resolve(filter))).find((q) => q.question === 'q-single')!;
    expect(await single({})).toMatchObject({ answered: 3, correct: 2, correctRate: 67 });
    expect(await single({ company: PARS.code })).toMatchObject({ answered: 2, correct: 1, correctRate: 50 });
    expect(await single({ company: PARS.code, from: '1404/09/01' })).toMatchObject({ answered: 1, correct: 0, correctRate: 0 });
  });

  it('gives the charts completions per Jalali month and refreshers outstanding, filtered alike', async () => {
    const all = await reports.overview(await reports.resolve({}));
    expect(all.completionsByMonth).toEqual([{ month: '1404/08', completed: 1 }, { month: '1404/09', completed: 1 }]);
    // ali completed on 1403-07's text, which 1404-09 amended materially; cyrus completed on 1404-09.
    expect(all.refreshersOutstanding).toEqual([{ course: COURSE, courseTitle: expect.any(String), due: 1 }]);
    expect(all.companies.map((c) => c.code).sort()).toEqual([PARS.code, ROSHAN.code]);
    expect(all.units.map((u) => u.code).sort()).toEqual([JONOUB.code, SHOMAL.code]);
    const roshan = await reports.overview(await reports.resolve({ company: ROSHAN.code }));
    expect(roshan.completionsByMonth).toEqual([{ month: '1404/09', completed: 1 }]);
    expect(roshan.refreshersOutstanding).toEqual([]);
    // A range lists every month in it, empty ones as zero.
    const range = await reports.overview(await reports.resolve({ from: '1404/07/01', to: '1404/10/15' }));
    expect(range.completionsByMonth.map((m) => [m.month, m.completed])).toEqual([['1404/07', 0], ['1404/08', 1], ['1404/09', 1], ['1404/10', 0]]);
  });

  it('serves the same filtered rows as JSON, CSV and XLSX; refuses bad filters in Persian naming the field', async () => {
    app = await buildTrainingApp(t.handle, () => NOW, undefined, undefined, testCatalog({ staleFlags: FLAGS }));
    const naser = as(app, await signIn(app, 'naser.super', 'naser.super-password-1'));
    const filter = `company=${PARS.code}&from=${encodeURIComponent('۱۴۰۴/۰۸/۰۱')}&to=1404/9/30&course=${COURSE}`;
    const json = (await naser.get(`/api/reports/learners?${filter}`)).json().rows as { username: string }[];
    expect(json.map((r) => r.username).sort()).toEqual(['ali.pars', 'bahar.pars']);

    const csv = (await naser.get(`/api/reports/learners?${filter}&format=csv`)).body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(csv.slice(1).map((line) => line.split(',')[3]).sort()).toEqual(['ali.pars', 'bahar.pars']);

    const xlsx = await naser.get(`/api/reports/learners?${filter}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const header = sheet.getRow(1).values as unknown[];
    const usernameColumn = header.indexOf('نام کاربری');
    const companyColumn = header.indexOf('شرکت');
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push(row.values as unknown[]));
    expect(rows.map((r) => r[usernameColumn]).sort()).toEqual(['ali.pars', 'bahar.pars']);
    expect(new Set(rows.map((r) => r[companyColumn]))).toEqual(new Set([PARS.name]));
    // Numbers stay numbers in the sheet.
    expect(typeof rows.find((r) => r[usernameColumn] === 'ali.pars')![header.indexOf('بهترین نمره')]).toBe('number');

    const impossible = errorOf(await naser.get(`/api/reports/courses?from=${encodeURIComponent('۱۴۰۴/۱۲/۳۰')}`), 400, 'invalid_query');
    expect(impossible.fields).toEqual(['from']);
    expect(impossible.message).toMatch(/^«از تاریخ»: .*اسفند ۱۴۰۴ بیست‌ونه روز دارد/);
    expect(errorOf(await naser.get('/api/reports/courses?to=1404/13/01'), 400, 'invalid_query').message).toContain('«تا تاریخ»');
    expect(errorOf(await naser.get('/api/reports/courses?from=1404/09/10&to=1404/09/01'), 400, 'invalid_query').fields).toEqual(['to']);
    expect(errorOf(await naser.get('/api/reports/overview?unit=no-such-unit'), 400, 'unknown_organisation').fields).toEqual(['unit']);
    errorOf(await naser.get('/api/reports/questions?course=no-such-course'), 404, 'course_not_found');
    const overview = (await naser.get(`/api/reports/overview?${filter}`)).json();
    expect(overview.completionsByMonth).toEqual([{ month: '1404/08', completed: 1 }, { month: '1404/09', completed: 0 }]);
  });
});
