/**
 * Feedback from the field, through fastify's inject with the real accounts and the real
 * database (SQLite and PostgreSQL): a contractor's and a staff member's suggestions on clauses
 * checked against the manifest (unknown code, edition or clause 404; a text the reader may not
 * read 404; empty or oversized text 400 naming the field in Persian), each author seeing only
 * their own, editors listing the open ones by regulation and closing each with an answer once.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAudiencePolicy } from '../../../src/policy/audience';
import { SUGGESTION_MAX } from '../../../src/api/feedback';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAccountRoutes } from '../../accounts/routes';
import { EDITORIAL_TEAM, PERSIAN, signedInHeaders, usersWithPassword } from '../../__tests__/api-fixture';
import { staticManifestSource } from '../../manifest/source';
import { registerFeedbackRoutes } from '../routes';
import { createFeedbackStore } from '../store';

const PASSWORD = 'feedback-password-1';
const clauses = [
  { anchor: 'article-2', label: 'ماده ۲' },
  { anchor: 'article-2-item-1', label: 'ماده ۲، بند ۱' },
];
const MANIFEST: Parameters<typeof staticManifestSource>[0] = {
  version: 1,
  builtAt: new Date(0).toISOString(),
  courses: [],
  seminars: [],
  editions: [{ name: '1404-09', effective: { year: 1404, month: 9, day: 1 } }],
  announcements: [],
  regulations: [
    {
      code: 'ES-001',
      current: '/regulations/next/energy-sales/es-001',
      editions: { '1404-09': '/regulations/energy-sales/es-001' },
      texts: {
        current: { title: 'دستورالعمل فروش انشعاب', audience: ['staff', 'contractor'], clauses },
        '1404-09': { title: 'دستورالعمل فروش انشعاب', audience: ['staff', 'contractor'], clauses },
      },
    },
    {
      code: 'HR-002',
      current: null,
      editions: { '1404-09': '/regulations/hr/hr-002' },
      texts: { '1404-09': { title: 'آیین‌نامه داخلی کارکنان', audience: ['staff'], clauses: [{ anchor: 'article-1', label: 'ماده ۱' }] } },
    },
  ],
};

describe.each(testDatabases())('/api/feedback on $name', (t) => {
  let app: FastifyInstance;
  let users: UserRow[];
  let clock = 1_700_000_000_000;

  beforeAll(async () => {
    const contractor = { username: 'reza.contractor', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت خدمات برق پارس نیرو' } as const;
    users = await usersWithPassword([contractor, EDITORIAL_TEAM.maryam, EDITORIAL_TEAM.zahra, EDITORIAL_TEAM.leila], PASSWORD);
  });
  beforeEach(async () => {
    await t.reset();
    await t.db.insertInto('users').values(users).execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false });
    await registerFeedbackRoutes(app, { store: createFeedbackStore(t.db), manifest: staticManifestSource(MANIFEST), policy: createAudiencePolicy(), authOf: guards.authOf, now: () => (clock += 1000) });
    await app.ready();
  });
  afterEach(() => app.close());

  const as = (username: string): Promise<Record<string, string>> => signedInHeaders(app, username, PASSWORD);
  const suggest = (headers: Record<string, string>, payload: object) => app.inject({ method: 'POST', url: '/api/feedback', headers, payload });
  const good = { code: 'ES-001', anchor: 'article-2-item-1', edition: '1404-09', text: 'مهلت ده روزه این بند برای روستاهای دور کافی نیست؛ پیشنهاد می‌شود بیست روز شود.' };

  it('a contractor suggests on a clause, sees only their own, an editor answers once and the contractor reads the answer', async () => {
    const reza = await as('reza.contractor');
    const maryam = await as('maryam.staff');
    const created = await suggest(reza, good);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().suggestion).toMatchObject({ code: 'ES-001', anchor: 'article-2-item-1', clauseLabel: 'ماده ۲، بند ۱', edition: '1404-09', answer: null, permalink: '/regulations/energy-sales/es-001#article-2-item-1' });
    expect((await suggest(maryam, { code: 'HR-002', anchor: 'article-1', edition: '1404-09', text: 'ساعت کار تابستانی را هم ذکر کنید.' })).statusCode).toBe(200);
    expect((await suggest(maryam, { code: 'ES-001', edition: 'current', text: 'عنوان مقرره با متن ابلاغیه یکی نیست.' })).json().suggestion).toMatchObject({ anchor: '', clauseLabel: 'دستورالعمل فروش انشعاب' });

    const mine = (await app.inject({ method: 'GET', url: '/api/feedback/mine', headers: reza })).json() as { suggestions: { id: string; text: string }[] };
    expect(mine.suggestions.map((s) => s.text)).toEqual([good.text]);
    const hers = (await app.inject({ method: 'GET', url: '/api/feedback/mine', headers: maryam })).json() as { suggestions: unknown[] };
    expect(hers.suggestions).toHaveLength(2);

    const zahra = await as('zahra.editor');
    const open = (await app.inject({ method: 'GET', url: '/api/editorial/feedback', headers: zahra })).json() as { regulations: { code: string; open: { id: string; authorName: string; authorRoleLabel: string }[] }[]; answered: unknown[] };
    expect(open.regulations.map((r) => [r.code, r.open.length])).toEqual([['ES-001', 2], ['HR-002', 1]]);
    expect(open.regulations[0]!.open[0]).toMatchObject({ id: mine.suggestions[0]!.id, authorName: 'رضا کریمی', authorRoleLabel: expect.stringMatching(PERSIAN) });
    expect(open.answered).toEqual([]);

    const id = mine.suggestions[0]!.id;
    const empty = await app.inject({ method: 'POST', url: `/api/editorial/feedback/${id}/answer`, headers: zahra, payload: { answer: '  ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('پاسخ');
    const answered = await app.inject({ method: 'POST', url: `/api/editorial/feedback/${id}/answer`, headers: zahra, payload: { answer: 'در ویرایش بعدی مهلت برای روستاها به بیست روز افزایش می‌یابد.' } });
    expect(answered.statusCode, answered.body).toBe(200);
    const again = await app.inject({ method: 'POST', url: `/api/editorial/feedback/${id}/answer`, headers: await as('leila.approver'), payload: { answer: 'پاسخ دوم' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(PERSIAN);
    const unknown = await app.inject({ method: 'POST', url: '/api/editorial/feedback/no-such-id/answer', headers: zahra, payload: { answer: 'پاسخ' } });
    expect(unknown.statusCode).toBe(404);

    const read = (await app.inject({ method: 'GET', url: '/api/feedback/mine', headers: reza })).json() as { suggestions: { answer: string | null; answeredByName: string | null; answeredAt: number | null }[] };
    expect(read.suggestions[0]).toMatchObject({ answer: 'در ویرایش بعدی مهلت برای روستاها به بیست روز افزایش می‌یابد.', answeredByName: 'زهرا رضایی', answeredAt: expect.any(Number) });
    const after = (await app.inject({ method: 'GET', url: '/api/editorial/feedback', headers: zahra })).json() as { regulations: { code: string; open: unknown[] }[]; answered: { id: string }[] };
    expect(after.regulations.map((r) => [r.code, r.open.length])).toEqual([['ES-001', 1], ['HR-002', 1]]);
    expect(after.answered.map((a) => a.id)).toEqual([id]);
  });

  it('refuses bad input in Persian naming the field, unknown or unreadable clauses with 404, and the wrong roles', async () => {
    const reza = await as('reza.contractor');
    for (const [payload, field] of [
      [{ ...good, text: '   ' }, 'متن پیشنهاد'],
      [{ ...good, text: 'ب'.repeat(SUGGESTION_MAX + 1) }, 'متن پیشنهاد'],
      [{ ...good, code: '' }, 'کد مقرره'],
    ] as const) {
      const res = await suggest(reza, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toContain(field);
    }
    for (const payload of [
      { ...good, anchor: 'article-99' },
      { ...good, code: 'XX-404' },
      { ...good, edition: '1399-01' },
      // HR-002 is for staff only: a contractor is told it does not exist.
      { code: 'HR-002', anchor: 'article-1', edition: '1404-09', text: 'پیشنهاد' },
    ]) {
      const res = await suggest(reza, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(404);
      expect(res.json().message).toMatch(PERSIAN);
    }
    expect(await t.db.selectFrom('clause_feedback').select('id').execute()).toEqual([]);

    expect((await suggest({}, good)).statusCode).toBe(401);
    expect((await suggest(await as('zahra.editor'), good)).statusCode).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/editorial/feedback', headers: reza });
    expect(list.statusCode).toBe(403);
    expect(list.json().message).toMatch(PERSIAN);
    expect((await app.inject({ method: 'GET', url: '/api/editorial/feedback' })).statusCode).toBe(401);
    // Without the CSRF token a state change is refused.
    expect((await suggest({ cookie: reza.cookie! }, good)).statusCode).toBe(403);
  });
});
