/**
 * Issue 12's "Done when" on the sample history: edition 1404-09 amends ES-007 ماده ۵, which
 * the customer-conduct course cites; exactly the learners who completed before it took effect
 * are due a refresher (of cc-18 and the clause's redline), and nobody when the approver marks
 * the edition — or the clause — editorial in content/editions.yml.
 */
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/fixture-site';
import { loadCorpus, type Corpus } from '../../../src/content/corpus';
import type { JalaliDate } from '../../../src/domain/jalali';
import { refresherNeed } from '../../../src/domain/training/currency';
import { manifestFromCorpus } from '../from-corpus';

const corpus = loadCorpus(repoRoot);
const TODAY: JalaliDate = { year: 1405, month: 9, day: 12 };
/** Completions of every course on days around 1404/09/01. */
const LEARNERS: { name: string; day: JalaliDate }[] = [
  { name: 'completed 1403/10/05', day: { year: 1403, month: 10, day: 5 } },
  { name: 'completed 1404/08/30', day: { year: 1404, month: 8, day: 30 } },
  { name: 'completed 1404/09/01', day: { year: 1404, month: 9, day: 1 } },
  { name: 'completed 1405/02/14', day: { year: 1405, month: 2, day: 14 } },
];

function due(source: Corpus) {
  const manifest = manifestFromCorpus(source, new Date('2026-12-03T00:00:00Z'));
  return manifest.courses.flatMap((course) =>
    LEARNERS.flatMap((learner) => {
      const need = refresherNeed({ course: course.id, flags: manifest.stale, editions: manifest.editions, restsOnDay: learner.day, today: TODAY, retired: new Set(course.retiredQuestions) });
      return need ? [{ course: course.id, learner: learner.name, questions: need.questions, editions: need.editions, units: need.clauses.map((c) => `${c.code}#${c.unit.anchor}`) }] : [];
    }),
  );
}

const marked = (editorial: true | string[]): Corpus => ({ ...corpus, editions: corpus.editions.map((e) => (e.name === '1404-09' ? { ...e, entry: { ...e.entry, editorial } } : e)) });

describe('refreshers on the sample history', () => {
  it('makes exactly the learners who completed customer-conduct before 1404/09/01 due, for cc-18 and ES-007 ماده ۵', () => {
    const refreshers = due(corpus);
    expect(refreshers.map((r) => [r.course, r.learner])).toEqual([
      ['customer-conduct', 'completed 1403/10/05'],
      ['customer-conduct', 'completed 1404/08/30'],
    ]);
    expect(refreshers[0]).toMatchObject({ questions: ['cc-18'], editions: ['1404-09'], units: ['ES-007#ماده-۵-تبصره-۱', 'ES-007#ماده-۵-تبصره-۲'] });
  });

  it('makes nobody due when the edition, or the amended article, is marked editorial; one of its two notes is not enough', () => {
    expect(due(marked(true))).toEqual([]);
    expect(due(marked(['reg:ES-007#ماده-۵']))).toEqual([]);
    expect(due(marked(['reg:ES-007#ماده-۵-تبصره-۱'])).map((r) => r.learner)).toEqual(['completed 1403/10/05', 'completed 1404/08/30']);
  });

  it('still flags the questions and lessons for editors when the change is editorial (marked not material)', () => {
    const manifest = manifestFromCorpus(marked(true));
    const flags = manifest.stale.filter((f) => f.edition === '1404-09');
    expect(flags.map((f) => f.id).sort()).toEqual(['cc-18', 'customer-conduct/02-disconnection-notices']);
    expect(flags.flatMap((f) => f.cites.map((c) => c.material))).toEqual(flags.flatMap((f) => f.cites.map(() => false)));
  });
});
