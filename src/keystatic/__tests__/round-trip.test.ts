/**
 * The first Keystatic save of an untouched entry changes no byte: every entry file of every
 * collection of the content model, read and written back by Keystatic's own parse and serialise
 * functions (the ones its UI runs), comes out identical. `npm run content:normalise` fixes a
 * file this test names.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeystaticInternals } from '../../../scripts/lib/keystatic-internals';
import { lossesOf, notNormalised, roundTripAll, type KeystaticInternals, type RoundTrip } from '../round-trip';
import { lessonSchema } from '../../content/schemas/lesson';

const SITE = path.resolve(__dirname, '../../..');

/**
 * Entries Keystatic 0.6.9 cannot save without loss today, each with why. The list may only
 * shrink: a file that starts to round-trip, or a new file that does not, fails the test.
 */
const CANNOT_ROUND_TRIP: Record<string, string> = {
  // Drafts without a notification yet: fields.object always writes `notification: {number: '',
  // date: ''}`, which the regulation schema refuses.
  ...Object.fromEntries(['awareness-training/at-007', 'connection-sales/cs-011', 'energy-sales/es-012', 'supervision/sv-010'].map((code) => [`docs/${code}.mdx`, 'no notification'])),
  // Unchanged since edition 1406-01, but Keystatic writes their Markdown in another form (padded
  // tables, `*` bullets): `edition:publish` compares body bytes and would re-date them as
  // amended, so `content:normalise` refuses them until it compares parsed bodies.
  ...Object.fromEntries(
    [
      'awareness-training/at-003', 'awareness-training/at-006', 'awareness-training/at-009',
      'connection-sales/cs-001', 'connection-sales/cs-002', 'connection-sales/cs-003', 'connection-sales/cs-004', 'connection-sales/cs-008', 'connection-sales/cs-009',
      'energy-sales/es-001', 'energy-sales/es-003', 'energy-sales/es-006', 'energy-sales/es-007', 'energy-sales/es-009', 'energy-sales/es-010', 'energy-sales/es-013',
      'supervision/sv-001', 'supervision/sv-003', 'supervision/sv-005', 'supervision/sv-006',
    ].map((code) => [`docs/${code}.mdx`, 'would be published as amended']),
  ),
};

let ks: KeystaticInternals;
let results: RoundTrip[];
beforeAll(async () => {
  ks = await loadKeystaticInternals(SITE);
  results = roundTripAll(ks, SITE);
});

const why = (r: RoundTrip) => r.error ?? (r.losses.length ? r.losses.join('; ') : 'a first save rewrites it (npm run content:normalise)');

describe('the first Keystatic save of an untouched entry', () => {
  it('reads every entry file of every collection', () => {
    const collections = new Set(results.map((r) => r.collection));
    expect(results.length).toBeGreaterThanOrEqual(70);
    for (const c of ['courses', 'lessons', 'quizzes', 'seminars', 'announcements', 'regulations-connection-sales']) expect(collections).toContain(c);
  });

  it('changes no byte of any file (but the ones listed that Keystatic cannot save)', () => {
    const failing = notNormalised(results).filter((r) => !(r.path in CANNOT_ROUND_TRIP)).map((r) => `${r.path}: ${why(r)}`);
    expect(failing).toEqual([]);
  });

  it('still cannot save each listed file (the list only shrinks)', () => {
    const stillFailing = new Set(notNormalised(results).map((r) => r.path));
    expect(Object.keys(CANNOT_ROUND_TRIP).filter((file) => !stillFailing.has(file))).toEqual([]);
  });
});

describe('the check can fail', () => {
  let root: string;
  afterAll(() => root && rmSync(root, { recursive: true, force: true }));

  it('names a file de-normalised by hand (a flow list, a quoted string), and only that file', () => {
    root = mkdtempSync(path.join(tmpdir(), 'ayin-roundtrip-'));
    for (const dir of ['content/taxonomy', 'courses/meter-reading']) cpSync(path.join(SITE, dir), path.join(root, dir), { recursive: true });
    cpSync(path.join(SITE, 'content/organisations.yml'), path.join(root, 'content/organisations.yml'));
    const file = 'courses/meter-reading/01-schedule-routes.mdx';
    // Keystatic's own form of the lesson first, whatever state the repository's copy is in.
    for (const r of roundTripAll(ks, root)) writeFileSync(path.join(root, r.path), r.after);
    expect(notNormalised(roundTripAll(ks, root))).toEqual([]);
    const text = readFileSync(path.join(root, file), 'utf8');
    const denormalised = text.replace(/^regulations:\n  - ES-002\n  - ES-003\n/m, 'regulations: [ES-002, ES-003]\n').replace(/^duration: 45$/m, 'duration: 45 # minutes');
    expect(denormalised).not.toBe(text);
    writeFileSync(path.join(root, file), denormalised);
    const named = notNormalised(roundTripAll(ks, root));
    expect(named.map((r) => r.path)).toEqual([file]);
    expect(named[0]!.after).toBe(text);
    expect(named[0]!.losses).toEqual([]);
  });

  it('sees a loss: a key the schema reads differently, a body that parses to another tree', () => {
    const before = '---\ntitle: درس\ndescription: شرح\nduration: 45\nobjectives: [یک]\nsample: true\n---\n\n## بخش\n\nمتن\n';
    expect(lossesOf('x.mdx', before, before.replace('duration: 45', 'duration: 46'), true, lessonSchema)).toEqual(['duration: the schema reads a different value after the rewrite']);
    expect(lossesOf('x.mdx', before, before.replace('## بخش', '### بخش'), true, lessonSchema)).toEqual(['body: the MDX parses to a different tree after the rewrite']);
  });
});
