import { describe, expect, it } from 'vitest';
import type { EditionTexts, RegulationText } from '../../edition-history';
import { questionsOnRepealedClauses, staleFlags, type Citer } from '../stale';

const text = (code: string, articles: [string, string][]): RegulationText => ({
  code,
  title: `عنوان ${code}`,
  area: 'energy-sales',
  articles: articles.map(([anchor, body]) => ({ anchor, title: anchor.replace(/-/g, ' '), text: body })),
  supersedes: [],
});
const edition = (name: string, ...texts: RegulationText[]): EditionTexts => ({ name, texts: new Map(texts.map((t) => [t.code, t])) });
const q = (id: string, ...cites: string[]): Citer => ({ kind: 'question', id, course: 'c', cites });

const art5 = ['ماده-۵', 'قطع برق مشترک دارای بیمار وابسته به دستگاه ممنوع است.'] as [string, string];
const note5 = ['ماده-۵-تبصره', 'تبصره: گواهی پزشک لازم است.'] as [string, string];
const note5v2 = ['ماده-۵-تبصره-۱', 'تبصره ۱: گواهی پزشک معتمد لازم است.'] as [string, string];
const note5b = ['ماده-۵-تبصره-۲', 'تبصره ۲: در دمای بالای ۴۵ درجه قطع ممنوع است.'] as [string, string];
const art6 = ['ماده-۶', 'وصل مجدد ظرف ۲۴ ساعت.'] as [string, string];
const art7 = ['ماده-۷', 'تقسیط بدهی تا شش قسط.'] as [string, string];

describe('staleFlags', () => {
  const history = [
    edition('1403-07', text('ES-007', [art5, note5, art6, art7]), text('ES-009', [art5])),
    edition('1404-09', text('ES-007', [art5, note5v2, note5b, art6])),
  ];

  it('flags an article cite (or one of its items) when a note of the article changes, with that redline', () => {
    const [flag, ...rest] = staleFlags(history, [q('a', 'reg:ES-007#ماده-۵-بند-۲'), q('b', 'reg:ES-007#ماده-۶')]);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ id: 'a', edition: '1404-09', from: '1403-07' });
    expect(flag!.cites).toHaveLength(1);
    expect(flag!.cites[0]).toMatchObject({ code: 'ES-007', anchor: 'ماده-۵-بند-۲', change: 'amended' });
    expect(flag!.cites[0]!.redline.map((r) => [r.anchor, r.change])).toEqual([
      ['ماده-۵-تبصره-۱', 'amended'],
      ['ماده-۵-تبصره-۲', 'added'],
    ]);
  });

  it('follows an unnumbered note renumbered «تبصره ۱», and leaves a note cite alone when only another note changed', () => {
    const flags = staleFlags(history, [q('old-note', 'reg:ES-007#ماده-۵-تبصره'), q('article-only', 'reg:ES-007#ماده-۶')]);
    expect(flags.map((f) => [f.id, f.cites[0]!.anchor, f.cites[0]!.change])).toEqual([['old-note', 'ماده-۵-تبصره-۱', 'amended']]);
    const unchangedNote = [edition('e1', text('XX-001', [art5, note5v2, note5b])), edition('e2', text('XX-001', [art5, note5v2, ['ماده-۵-تبصره-۲', 'تبصره ۲: متن تازه.']]))];
    expect(staleFlags(unchangedNote, [q('n1', 'reg:XX-001#ماده-۵-تبصره-۱')])).toEqual([]);
    expect(staleFlags(unchangedNote, [q('n2', 'reg:XX-001#ماده-۵-تبصره-۲')]).map((f) => f.id)).toEqual(['n2']);
  });

  it('marks a removed article and a removed regulation as repealed; the baseline flags nothing', () => {
    const flags = staleFlags(history, [q('gone-article', 'reg:ES-007#ماده-۷'), q('gone-text', 'reg:ES-009#ماده-۵')]);
    expect(flags.map((f) => [f.id, f.cites[0]!.change])).toEqual([
      ['gone-article', 'repealed'],
      ['gone-text', 'repealed'],
    ]);
    expect(staleFlags(history.slice(0, 1), [q('a', 'reg:ES-007#ماده-۵')])).toEqual([]);
  });

  it('says which questions may no longer be drawn', () => {
    const citers = [q('gone-article', 'reg:ES-007#ماده-۷'), q('gone-text', 'reg:ES-009#ماده-۵'), q('renumbered', 'reg:ES-007#ماده-۵-تبصره'), q('kept', 'reg:ES-007#ماده-۶')];
    expect([...questionsOnRepealedClauses(history[1]!, citers)].sort()).toEqual(['gone-article', 'gone-text']);
  });
});
