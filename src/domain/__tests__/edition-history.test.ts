import { describe, expect, it } from 'vitest';
import {
  alignRenumberedNotes,
  changeSummary,
  diffTexts,
  editionChanges,
  regulationHistories,
  type EditionTexts,
  type RegulationText,
} from '../edition-history';

const text = (code: string, articles: [string, string, string][], extra: Partial<RegulationText> = {}): RegulationText => ({
  code,
  title: `عنوان ${code}`,
  area: 'supervision',
  articles: articles.map(([anchor, title, body]) => ({ anchor, title, text: body })),
  supersedes: [],
  ...extra,
});
const edition = (name: string, ...texts: RegulationText[]): EditionTexts => ({ name, texts: new Map(texts.map((t) => [t.code, t])) });

const a1 = ['ماده-۱', 'ماده ۱ – تعاریف', 'متقاضی کسی است که درخواست انشعاب می‌دهد.'] as [string, string, string];
const a5old = ['ماده-۵', 'ماده ۵ – مهلت پاسخ', 'مهلت پاسخ به شکایت صورتحساب سه روز کاری است.'] as [string, string, string];
const a5new = ['ماده-۵', 'ماده ۵ – مهلت پاسخ', 'مهلت پاسخ به شکایت صورتحساب دو روز کاری است.'] as [string, string, string];
const note2 = ['ماده-۵-تبصره-۲', 'ماده ۵، تبصره ۲', 'تبصره ۲: قطع برق در روزهای گرم ممنوع است.'] as [string, string, string];

describe('regulationHistories', () => {
  const editions = [
    edition('1403-07', text('SV-001', [a1, a5old]), text('CS-013', [a1]), text('ES-008', [a1]), text('CS-002', [a1])),
    edition('1404-09', text('SV-001', [a1, a5new, note2]), text('ES-008', [a1]), text('CS-002', [a1]), text('ES-011', [a1])),
    edition('1406-01', text('SV-001', [a1, a5new, note2]), text('ES-013', [a1], { supersedes: ['ES-008'] }), text('CS-002', [a1]), text('ES-011', [a1])),
  ];
  const histories = regulationHistories(editions);

  it('lists an amendment with the changed articles, and not the editions that left the text alone', () => {
    const sv = histories.get('SV-001')!;
    expect(sv.changes.map((c) => [c.edition, c.kind])).toEqual([
      ['1403-07', 'added'],
      ['1404-09', 'amended'],
    ]);
    expect(sv.changes[1]!.summary).toBe('ماده ۵ اصلاح شد، تبصره ۲ ماده ۵ افزوده شد');
    expect(sv.editions).toEqual(['1403-07', '1404-09', '1406-01']);
  });

  it('marks a text added in a later edition', () => {
    expect(histories.get('ES-011')!.changes).toEqual([{ edition: '1404-09', kind: 'added' }]);
  });

  it('tells a repeal (gone, nothing replaces it) from a supersession (a new text lists it in supersedes)', () => {
    expect(histories.get('CS-013')).toMatchObject({ repealedIn: '1404-09', supersededBy: [] });
    expect(histories.get('CS-013')!.supersededIn).toBeUndefined();
    expect(histories.get('ES-008')).toMatchObject({ supersededIn: '1406-01', supersededBy: ['ES-013'] });
    expect(histories.get('ES-008')!.repealedIn).toBeUndefined();
    expect(histories.get('ES-013')).toMatchObject({ supersedes: ['ES-008'] });
  });

  it('does not count a front-matter-only change (a new inForceFrom, a notification) as a text change', () => {
    // RegulationText carries no dates at all: two editions with identical clauses are the same text
    // whatever their front matter says. Here CS-002 is identical in all three editions.
    expect(histories.get('CS-002')!.changes).toEqual([{ edition: '1403-07', kind: 'added' }]);
  });

  it('counts a changed title as a text change', () => {
    const h = regulationHistories([edition('1403-07', text('AT-001', [a1])), edition('1404-09', text('AT-001', [a1], { title: 'عنوان تازه' }))]);
    expect(h.get('AT-001')!.changes[1]).toMatchObject({ kind: 'amended', summary: 'عنوان اصلاح شد' });
  });

  it('sees a text back after a repeal as added again, no longer repealed', () => {
    const h = regulationHistories([edition('1403-07', text('X-001', [a1])), edition('1404-09'), edition('1406-01', text('X-001', [a1]))]);
    expect(h.get('X-001')!.changes.map((c) => c.edition)).toEqual(['1403-07', '1406-01']);
    expect(h.get('X-001')!.repealedIn).toBeUndefined();
  });
});

describe('editionChanges', () => {
  const from = edition('1404-09', text('ES-008', [a1]), text('SV-001', [a1, a5old]), text('CS-013', [a1]), text('CS-002', [a1]));
  const to = edition('1406-01', text('ES-013', [a1], { supersedes: ['ES-008'] }), text('SV-001', [a1, a5new]), text('CS-002', [a1]));

  it('lists added, amended (with its summary), repealed and superseded texts, and nothing unchanged', () => {
    const list = editionChanges(from, to);
    expect(list.added.map((e) => e.code)).toEqual(['ES-013']);
    expect(list.amended).toEqual([expect.objectContaining({ code: 'SV-001', summary: 'ماده ۵ اصلاح شد' })]);
    expect(list.repealed.map((e) => e.code)).toEqual(['CS-013']);
    expect(list.superseded).toEqual([expect.objectContaining({ code: 'ES-008', by: ['ES-013'] })]);
  });

  it('calls the first edition the baseline', () => {
    expect(editionChanges(undefined, from)).toMatchObject({ from: null, added: [], amended: [] });
  });
});

describe('redline units', () => {
  it('pairs a single unnumbered note with «تبصره ۱» when a second note is added, so its wording is diffed', () => {
    const old = text('ES-007', [a5old, ['ماده-۵-تبصره', 'ماده ۵، تبصره', 'تبصره: در تعطیلات قطع نمی‌شود.']]);
    const renumbered = text('ES-007', [a5old, ['ماده-۵-تبصره-۱', 'ماده ۵، تبصره ۱', 'تبصره ۱: در تعطیلات رسمی قطع نمی‌شود.'], note2]);
    expect(alignRenumberedNotes(old.articles, renumbered.articles).map((a) => a.anchor)).toEqual(['ماده-۵', 'ماده-۵-تبصره-۱']);
    const diff = diffTexts(old, renumbered);
    expect(changeSummary(diff)).toBe('تبصره ۱ ماده ۵ اصلاح شد، تبصره ۲ ماده ۵ افزوده شد');
    const note1 = diff.articles.find((a) => a.anchor === 'ماده-۵-تبصره-۱')!;
    expect(note1.segments.filter((s) => s.kind === 'inserted').map((s) => s.text.trim())).toEqual(['۱', 'رسمی']);
  });

  it('says a removed article was removed', () => {
    const diff = diffTexts(text('A', [a1, a5old]), text('A', [a1]));
    expect(changeSummary(diff)).toBe('ماده ۵ حذف شد');
  });
});
