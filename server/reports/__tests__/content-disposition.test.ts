/**
 * Report downloads' `Content-Disposition`: the names are built from the catalog, never from
 * the request, and the header survives anything a name holds (RFC 6266 / 5987). Through the
 * real training routes on SQLite.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import { as, buildTrainingApp, COURSE, COURSE_TITLE, errorOf, signIn, type Caller } from '../../training/__tests__/fixture';
import { asciiFileName, attachmentDisposition } from '../content-disposition';

/** The parameters of a disposition as RFC 6266 reads them. */
function parseDisposition(header: string): { type: string; filename: string; filenameStar: string } {
  const match = /^attachment; filename="([A-Za-z0-9._-]+)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
  if (!match) throw new Error(`not a well-formed disposition: ${JSON.stringify(header)}`);
  return { type: 'attachment', filename: match[1]!, filenameStar: decodeURIComponent(match[2]!) };
}

describe('attachmentDisposition', () => {
  it('gives a Persian name in filename* and an ASCII fallback', () => {
    const header = attachmentDisposition('گزارش فراگیران — دوره قرائت کنتور.csv', 'ayin-report-learners-meter-reading.csv');
    expect(parseDisposition(header)).toEqual({ type: 'attachment', filename: 'ayin-report-learners-meter-reading.csv', filenameStar: 'گزارش فراگیران — دوره قرائت کنتور.csv' });
  });

  it('keeps CR/LF, quotes, semicolons and paths out of the header whatever the names (fast-check)', () => {
    const nasty = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '"', ';', '\\', '/', '..', '%', "'", '\u0000', '\u2028', 'ش', 'a', ' '), fc.string({ unit: 'grapheme', maxLength: 1 })) });
    fc.assert(
      fc.property(nasty, nasty, (name, fallback) => {
        const header = attachmentDisposition(name, fallback);
        const { filename, filenameStar } = parseDisposition(header);
        expect(filenameStar).not.toMatch(/[\u0000-\u001F\u007F\u2028\u2029"\\/]/);
        expect(filename).toBe(asciiFileName(fallback));
        expect(filename.startsWith('.')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

const [sqlite] = testDatabases();

describe('report downloads', () => {
  let app: FastifyInstance;
  let naser: Caller;
  beforeAll(async () => {
    await sqlite!.reset();
    await sqlite!.db.insertInto('users').values(await userRowFor({ username: 'naser.supervisor', password: 'naser-password-1', displayName: 'ناصر ناظری', role: 'supervisor', company: null }, Date.now())).execute();
    app = await buildTrainingApp(sqlite!.handle, () => Date.now());
    naser = await signIn(app, 'naser.supervisor', 'naser-password-1');
  });
  afterAll(() => app?.close());

  it('names a course report after the catalog course, in Persian with an ASCII fallback', async () => {
    const res = await as(app, naser).get(`/api/reports/learners?course=${COURSE}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(parseDisposition(res.headers['content-disposition'] as string)).toEqual({
      type: 'attachment',
      filename: `ayin-report-learners-${COURSE}.csv`,
      filenameStar: `گزارش فراگیران — ${COURSE_TITLE}.csv`,
    });
    const all = await as(app, naser).get('/api/reports/courses?format=csv');
    expect(parseDisposition(all.headers['content-disposition'] as string).filename).toBe('ayin-report-courses.csv');
  });

  it('refuses a course id that is malformed (400) or not in the catalog (404), on every report, before any header is written', async () => {
    // Malformed ids stop at the contract's query schema; a well-formed unknown id at the catalog.
    const attempts: [string, number, string][] = [
      ...['x"; filename="evil.exe', 'a%0d%0aSet-Cookie:%20x=1', 'a%0aX-Injected:%201', '..%2f..%2fetc%2fpasswd', '%D8%AF%D9%88%D8%B1%D9%87', `${COURSE}%00`, `${COURSE}&course=other`].map(
        (a): [string, number, string] => [a, 400, 'invalid_query'],
      ),
      ['no-such-course', 404, 'course_not_found'],
    ];
    for (const [attempt, status, code] of attempts) {
      for (const report of ['courses', 'learners', 'questions']) {
        const res = await as(app, naser).get(`/api/reports/${report}?course=${attempt}&format=csv`);
        errorOf(res, status, code);
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(res.headers['x-injected']).toBeUndefined();
      }
    }
  });
});
