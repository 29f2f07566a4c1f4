/**
 * A small course with a quiz of every question type, for the training tests: five questions,
 * four drawn, pass mark 70 (three of four right passes, two does not), three attempts, ten
 * minutes. The right and wrong answers are written out here so tests can answer on purpose.
 */
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import type { QuizDefinition } from '../../../src/domain/quiz';
import { registerAccountRoutes } from '../../accounts/routes';
import type { DatabaseHandle } from '../../db/open';
import type { CertificatePdfRenderer } from '../../certificates/pdf';
import { createCatalog, type CatalogStaleFlag, type TrainingCatalog } from '../catalog';
import { DEFAULT_STUDY_RULE, registerTraining, type TrainingOptions } from '../index';

export const QUIZ: QuizDefinition = {
  title: 'آزمون آزمایشی قرائت کنتور',
  sample: true,
  passMark: 70,
  draw: 4,
  maxAttempts: 3,
  timeLimitMinutes: 10,
  questions: [
    {
      id: 'q-single',
      type: 'single',
      prompt: 'دورهٔ قرائت مشترکین خانگی شهری چند روز است؟',
      options: [
        { id: 'a', text: '۳۰ روز' },
        { id: 'b', text: '۶۰ روز' },
        { id: 'c', text: '۹۰ روز' },
      ],
      answer: 'b',
      explanation: 'توضیح پرسش تک‌گزینه‌ای: بند ۲ مادهٔ ۲.',
      cites: ['reg:ES-002#ماده-۲-بند-۲'],
    },
    {
      id: 'q-multi',
      type: 'multiple',
      prompt: 'کدام کارها هنگام نبود دسترسی به کنتور لازم است؟',
      options: [
        { id: 'a', text: 'ثبت کد عدم دسترسی' },
        { id: 'b', text: 'ثبت عدد اعلام‌شدهٔ ساکنان' },
        { id: 'c', text: 'گذاشتن اعلان مراجعه' },
        { id: 'd', text: 'برآورد مصرف به سلیقهٔ مأمور' },
      ],
      answer: ['a', 'c'],
      explanation: 'توضیح پرسش چندگزینه‌ای.',
      cites: ['reg:ES-002#ماده-۵'],
    },
    { id: 'q-tf', type: 'true-false', prompt: 'مأمور می‌تواند عدد اعلام‌شدهٔ ساکنان را ثبت کند.', answer: false, explanation: 'توضیح درست و نادرست.', cites: ['reg:ES-002#ماده-۵'] },
    { id: 'q-num', type: 'numeric', prompt: 'مهلت اعتراض به صورتحساب چند روز است؟', unit: 'روز', answer: { value: 15, tolerance: 1 }, explanation: 'توضیح پرسش عددی.', cites: ['reg:ES-003#ماده-۴'] },
    {
      id: 'q-order',
      type: 'ordering',
      prompt: 'مراحل رسیدگی را به ترتیب بچینید.',
      options: [
        { id: 'a', text: 'ثبت درخواست' },
        { id: 'b', text: 'بازدید' },
        { id: 'c', text: 'اعلام نتیجه' },
      ],
      answer: ['a', 'b', 'c'],
      explanation: 'توضیح پرسش ترتیبی.',
      cites: ['reg:ES-003#ماده-۴-تبصره-۱'],
    },
  ],
};

export const RIGHT: Record<string, unknown> = { 'q-single': 'b', 'q-multi': ['c', 'a'], 'q-tf': false, 'q-num': '۱۵ روز', 'q-order': ['a', 'b', 'c'] };
export const WRONG: Record<string, unknown> = { 'q-single': 'a', 'q-multi': ['a'], 'q-tf': true, 'q-num': 20, 'q-order': ['c', 'b', 'a'] };

export const COURSE = 'meter-reading';
export const LESSONS = ['meter-reading/01-schedule-routes', 'meter-reading/02-reading-meter-types'];
export const COURSE_TITLE = 'دوره قرائت کنتور و کنترل کیفیت قرائت';
/** The lessons' pages; 50 words each is under the study rule's 20 s floor at 300 words a minute. */
export const LESSON_PAGES = [
  { id: LESSONS[0]!, permalink: '/courses/meter-reading/schedule-routes', words: 50 },
  { id: LESSONS[1]!, permalink: '/courses/meter-reading/reading-meter-types', words: 50 },
];
export const STAFF_COURSE = 'staff-briefing';
export const STAFF_LESSON = { id: 'staff-briefing/01-intro', permalink: '/courses/staff-briefing/intro', words: 50 };
/** The shortest time in which the two lessons of COURSE can count as studied (2 × the 20 s floor). */
export const STUDY_MS = 2 * DEFAULT_STUDY_RULE.floorMs;

/**
 * Edition 1404-09 amends the clause `q-single` cites, materially (so completions before it owe a
 * refresher); `redline` is what the learner is shown of the change.
 */
export function amendedQuestionFlag(redline: CatalogStaleFlag['cites'][number]['redline'] = []): CatalogStaleFlag {
  return {
    kind: 'question',
    id: 'q-single',
    course: COURSE,
    edition: '1404-09',
    from: '1403-07',
    cites: [{ cite: 'reg:ES-002#ماده-۲-بند-۲', code: 'ES-002', anchor: 'ماده-۲-بند-۲', change: 'amended', material: true, redline }],
  };
}

/** `draw` overrides the quiz's: drawing all five makes every question type certain to appear. */
export function testCatalog({ draw = QUIZ.draw, retiredQuestions = [] as string[], staleFlags = [] as CatalogStaleFlag[], validForMonths = undefined as number | undefined, withdrawn = false } = {}): TrainingCatalog {
  return createCatalog({
    courses: [
      // `withdrawn`: the course is gone from the catalog (its certificates read «جایگزین‌شده»).
      ...(withdrawn ? [] : [{ id: COURSE, title: COURSE_TITLE, audience: ['contractor', 'staff'], lessons: LESSONS, lessonPages: LESSON_PAGES, quiz: { ...QUIZ, draw }, retiredQuestions, ...(validForMonths ? { validForMonths } : {}) }]),
      { id: 'customer-conduct', title: 'دوره رفتار حرفه‌ای و تکریم مشترکین', audience: ['contractor', 'staff'], lessons: ['customer-conduct/01-respect-takrim'] },
      // Staff only: a contractor finds no such course on any training route.
      { id: STAFF_COURSE, title: 'دوره ویژهٔ کارکنان', audience: ['staff'], lessons: [STAFF_LESSON.id], lessonPages: [STAFF_LESSON], quiz: QUIZ },
      // Names no audience: nobody may take it, staff included (deny by default).
      { id: 'no-audience', title: 'دوره بی‌مخاطب', audience: [], lessons: [], quiz: QUIZ },
    ],
    regulationPath: (code) => `/regulations/1404-09/energy-sales/${code.toLowerCase()}`,
    editions: [
      { name: '1403-07', effective: { year: 1403, month: 7, day: 1 } },
      { name: '1404-09', effective: { year: 1404, month: 9, day: 1 } },
      { name: '1406-01', effective: { year: 1406, month: 1, day: 1 } },
    ],
    staleFlags,
  });
}

/** The origin the test server is configured with (certificates must print it, whatever the Host). */
export const TEST_ORIGIN = 'https://ayin.example';

/** A bare fastify with the accounts and training routes, on a real database. */
export async function buildTrainingApp(
  database: DatabaseHandle,
  now: () => number,
  pdf?: CertificatePdfRenderer,
  siteDir = '/nonexistent',
  catalog = testCatalog(),
  /** More training options (the xAPI recorder). */
  extra: Pick<TrainingOptions, 'xapi'> = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const guards = await registerAccountRoutes(app, { db: database.db, secureCookies: false, now });
  await registerTraining(app, { database, guards, catalog, now, siteDirOf: () => siteDir, verifyOrigin: () => TEST_ORIGIN, ...(pdf ? { pdf } : {}), ...extra });
  // The lesson pages, as the static server would send them (the real one: catalog.test.ts).
  app.get('/courses/*', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<html><body>درس</body></html>'));
  await app.ready();
  return app;
}

export interface Caller {
  readonly cookie: string;
  readonly csrf: string;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ayin_session')!;
  return { cookie: `ayin_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

/** Requests as a signed-in caller, with the CSRF header on state-changing ones. */
export function as(app: FastifyInstance, who: Caller) {
  const headers = { cookie: who.cookie, 'x-csrf-token': who.csrf };
  return {
    /** Asks for a lesson's page, as the browser does before the page reports it opened. */
    page: (lessonId: string) => app.inject({ method: 'GET', url: [...LESSON_PAGES, STAFF_LESSON].find((l) => l.id === lessonId)?.permalink ?? `/courses/${lessonId}`, headers: { cookie: who.cookie } }),
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } }),
    post: (url: string, payload?: object) => app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) }),
    put: (url: string, payload: unknown) => app.inject({ method: 'PUT', url, headers, payload: payload as object }),
  };
}

export const PERSIAN = /[\u0600-\u06FF]/;

export function errorOf(res: LightMyRequestResponse, status: number, code: string): { error: string; message: string; fields?: string[] } {
  if (res.statusCode !== status) throw new Error(`expected ${status} ${code}, got ${res.statusCode}: ${res.body}`);
  const body = res.json() as { error: string; message: string; fields?: string[] };
  if (body.error !== code) throw new Error(`expected error ${code}, got ${res.body}`);
  if (!PERSIAN.test(body.message)) throw new Error(`message is not Persian: ${body.message}`);
  return body;
}
