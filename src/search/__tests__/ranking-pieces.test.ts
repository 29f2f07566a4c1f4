import { describe, expect, it } from 'vitest';
import { bm25Scores } from '../bm25';
import { reciprocalRankFusion } from '../fusion';
import { meiliPlan, rankMeiliHits, RANKING_DEFAULTS } from '../meili-ranking';
import { shapeQuery } from '../query-shape';
import { searchableText } from '../tokenize';

const doc = (content: string, title = '') => ({ codeTerms: '', titleTerms: searchableText(title), contentTerms: searchableText(content) });

describe('query shape', () => {
  it('tells a code, a few words and a question apart', () => {
    expect(shapeQuery('es-006 ماده ۳').shape).toBe('code');
    expect(shapeQuery('مهلت پاسخ شکایت').shape).toBe('short');
    expect(shapeQuery('اگر مشترک بعد از قطع برق بدهی را پرداخت کند چند ساعت بعد برق وصل می‌شود؟').shape).toBe('long');
    // Words typed, not the terms they expand to: a ZWNJ word is one word (its joined form and parts).
    const zwnj = shapeQuery('کنتور زرافه‌نما');
    expect(zwnj.shape).toBe('short');
    expect(zwnj.words).toEqual([['کنتور'], ['زرافهنما', 'زرافه', 'نما']]);
    expect(zwnj.joined).toEqual(['کنتورزرافهنما']);
  });

  it('drops question words from a long query only, and keeps its topic', () => {
    const long = shapeQuery('آیا مامور قرائت می‌تواند از مشترک هدیه بگیرد یا نه؟');
    expect(long.terms).not.toContain('ایا');
    expect(long.terms).not.toContain('میتواند');
    expect(long.terms).toEqual(expect.arrayContaining(searchableText('مامور قرائت مشترک هدیه').split(' ')));
    // «مثلا» is the reader's word in a short query and stays.
    expect(shapeQuery('مثلا قسط').terms).toContain(searchableText('مثلا'));
  });

  it('reads Arabic letters and a missing ZWNJ as the same terms', () => {
    const persian = shapeQuery('مهلت پرداخت صورت‌حساب مشترکین دیماندی چند روز است');
    expect(shapeQuery('مهلت پرداخت صورتحساب مشتركين ديماندي چند روز است').terms).toEqual(expect.arrayContaining(['صورتحساب', 'مشترک', 'دیماند']));
    expect(persian.joined).toContain('پرداختصورتحساب');
  });
});

describe('BM25F', () => {
  it('ranks a rare term over a common one, and a title match over a body match', () => {
    const docs = [doc('برق برق برق مشترک'), doc('برق تقسیط بدهی'), doc('برق'), doc('بدهی مشترک', 'تقسیط')];
    const scores = bm25Scores(searchableText('تقسیط برق').split(' '), docs);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[3]).toBeGreaterThan(scores[1]!);
    expect(scores[2]).toBeGreaterThan(0);
  });

  it('uses the document frequencies it is given instead of the candidates’ own', () => {
    const docs = [doc('الف'), doc('ب')];
    const local = bm25Scores(['الف', 'ب'], docs);
    expect(local[0]).toBeCloseTo(local[1]!);
    const global = bm25Scores(['الف', 'ب'], docs, { docCount: 1000, df: (t) => (t === 'الف' ? 900 : 3) });
    expect(global[1]).toBeGreaterThan(global[0]! * 5);
  });

  it('scores nothing when nothing matches', () => {
    expect(bm25Scores(['قبض'], [doc('کنتور')])).toEqual([0]);
    expect(bm25Scores([], [doc('کنتور')])).toEqual([0]);
  });
});

describe('reciprocal rank fusion', () => {
  it('puts an item ranked well by both lists first, and weights lists', () => {
    expect(reciprocalRankFusion([{ ids: ['a', 'b', 'c'] }, { ids: ['c', 'b', 'a'] }, { ids: ['b'] }])[0]).toBe('b');
    expect(reciprocalRankFusion([{ ids: ['a', 'b'] }, { ids: ['b', 'a'], weight: 3 }])).toEqual(['b', 'a']);
  });

  it('keeps first-seen order between ties and drops nothing', () => {
    expect(reciprocalRankFusion([{ ids: ['a', 'b'] }, { ids: ['b', 'a'] }])).toEqual(['a', 'b']);
    expect(reciprocalRankFusion([{ ids: ['a'] }, { ids: ['x', 'y'] }]).sort()).toEqual(['a', 'x', 'y']);
  });
});

describe('Meilisearch plan and ranking', () => {
  it('asks once for a short query, and for a question: two strategies, one pass per term and a count', () => {
    expect(meiliPlan('قطع برق بدهکار', 10).passes).toEqual([{ role: 'last', q: searchableText('قطع برق بدهکار'), matchingStrategy: 'last', limit: 10 }]);
    const plan = meiliPlan('بدهی‌ام را پرداخت کردم، چقدر طول می‌کشد تا برق خانه دوباره وصل شود؟', 10);
    expect(plan.passes.map((p) => p.role)).toEqual(['frequency', 'last', ...plan.shaped.terms.map(() => 'term'), 'count']);
    expect(plan.passes[0]!.limit).toBe(RANKING_DEFAULTS.candidates);
  });

  it('brings up a candidate that only a one-term pass found when BM25 (with that pass’s frequency) says it answers', () => {
    const plan = meiliPlan('اگر برق را اشتباهی قطع کنند برای وصل دوباره پول می‌گیرند؟', 3);
    const hit = (id: string, content: string) => ({ id, ...doc(content) });
    // Meilisearch's whole-question pass found only texts without any of the question's terms (its typo and prefix matches).
    const noise = [hit('n1', 'ثبت عدد کنتور'), hit('n2', 'صورتحساب دیماندی'), hit('n3', 'تعرفه خانگی')];
    const answer = hit('answer', 'هرگاه قطع برق به اشتباه انجام شده باشد برق بی‌درنگ وصل و هزینه‌ای دریافت نمی‌شود');
    const results = plan.passes.map((p) =>
      p.role === 'term' ? { hits: p.q === searchableText('وصل') ? [answer] : [], estimatedTotalHits: p.q === searchableText('وصل') ? 5 : 200 } : p.role === 'count' ? { hits: [], estimatedTotalHits: 1000 } : p.role === 'frequency' ? { hits: noise } : { hits: [] },
    );
    const ranked = rankMeiliHits(plan, results, 3).map((h) => h.id);
    expect(ranked).toHaveLength(3);
    expect(ranked[0]).toBe('answer');
  });

  it('keeps Meilisearch’s order for a short query', () => {
    const plan = meiliPlan('مهلت پاسخ', 2);
    expect(rankMeiliHits(plan, [{ hits: [{ id: 'b' }, { id: 'a' }, { id: 'c' }] }], 2).map((h) => h.id)).toEqual(['b', 'a']);
  });
});
