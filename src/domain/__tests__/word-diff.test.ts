import { describe, expect, it } from 'vitest';
import { diffByArticle, hasChanges, tokenizePersian, wordDiff, type ArticleText } from '../word-diff';

const same = (text: string) => ({ kind: 'same', text });
const deleted = (text: string) => ({ kind: 'deleted', text });
const inserted = (text: string) => ({ kind: 'inserted', text });

describe('tokenizePersian', () => {
  it('keeps a ZWNJ word whole', () => {
    expect(tokenizePersian('این آیین‌نامه اجرا می‌شود')).toEqual(['این', ' ', 'آیین‌نامه', ' ', 'اجرا', ' ', 'می‌شود']);
    expect(tokenizePersian('درخواست‌های مشترکین')).toEqual(['درخواست‌های', ' ', 'مشترکین']);
  });

  it('makes each punctuation mark its own token', () => {
    expect(tokenizePersian('«تبصره ۱»: مهلت، ابلاغ؛ (پرداخت) - چرا؟ پایان.')).toEqual([
      '«', 'تبصره', ' ', '۱', '»', ':', ' ', 'مهلت', '،', ' ', 'ابلاغ', '؛', ' ',
      '(', 'پرداخت', ')', ' ', '-', ' ', 'چرا', '؟', ' ', 'پایان', '.',
    ]);
  });

  it('keeps whitespace runs (spaces, tabs, newlines) as single tokens', () => {
    expect(tokenizePersian('ماده  ۵\n\tمتن')).toEqual(['ماده', '  ', '۵', '\n\t', 'متن']);
  });

  it('keeps numbers and harakat inside their token, and joins nothing across a slash', () => {
    expect(tokenizePersian('۱۴۰۴/۰۹/۰۱')).toEqual(['۱۴۰۴', '/', '۰۹', '/', '۰۱']);
    expect(tokenizePersian('مُشترک 25000 ریال')).toEqual(['مُشترک', ' ', '25000', ' ', 'ریال']);
  });

  it('keeps an amount with thousands or decimal separators whole, so a changed fee is one replacement', () => {
    expect(tokenizePersian('تکفاز ۳۸٬۷۰۰٬۰۰۰ ریال')).toEqual(['تکفاز', ' ', '۳۸٬۷۰۰٬۰۰۰', ' ', 'ریال']);
    expect(tokenizePersian('1,850,000 و ۱٫۵')).toEqual(['1,850,000', ' ', 'و', ' ', '۱٫۵']);
    expect(wordDiff('حق انشعاب ۳۸٬۷۰۰٬۰۰۰ ریال', 'حق انشعاب ۶۱٬۶۵۰٬۰۰۰ ریال').filter((s) => s.kind !== 'same')).toEqual([
      { kind: 'deleted', text: '۳۸٬۷۰۰٬۰۰۰' },
      { kind: 'inserted', text: '۶۱٬۶۵۰٬۰۰۰' },
    ]);
  });

  it('loses no character', () => {
    const text = ' ماده ۵ – مهلت‌ها: «ظرف ۵ روز»،\n تبصره؛ 😀 ';
    expect(tokenizePersian(text).join('')).toBe(text);
    expect(tokenizePersian('')).toEqual([]);
  });
});

describe('wordDiff', () => {
  it('shows a changed deadline as the number alone', () => {
    expect(wordDiff('شرکت موظف است ظرف ۵ روز کاری پاسخ دهد.', 'شرکت موظف است ظرف ۳ روز کاری پاسخ دهد.')).toEqual([
      same('شرکت موظف است ظرف '), deleted('۵'), inserted('۳'), same(' روز کاری پاسخ دهد.'),
    ]);
  });

  it('reads a replaced phrase as one deletion and one insertion, spaces included', () => {
    expect(wordDiff('هزینه نصب برابر تعرفه مصوب سال جاری است.', 'هزینه نصب برابر پانصد هزار ریال است.')).toEqual([
      same('هزینه نصب برابر '), deleted('تعرفه مصوب سال جاری'), inserted('پانصد هزار ریال'), same(' است.'),
    ]);
  });

  it('shows an inserted note sentence as one insertion', () => {
    const before = 'مشترک می‌تواند درخواست خود را ثبت کند.';
    const after = 'مشترک می‌تواند درخواست خود را ثبت کند. تبصره: درخواست‌های ناقص ظرف ۲ روز کاری عودت داده می‌شود.';
    expect(wordDiff(before, after)).toEqual([
      same(before), inserted(' تبصره: درخواست‌های ناقص ظرف ۲ روز کاری عودت داده می‌شود.'),
    ]);
  });

  it('shows an inserted clause in the middle as one insertion', () => {
    expect(wordDiff('شرکت موظف است پاسخ دهد.', 'شرکت موظف است به صورت کتبی پاسخ دهد.')).toEqual([
      same('شرکت موظف است '), inserted('به صورت کتبی '), same('پاسخ دهد.'),
    ]);
  });

  it('shows a deleted phrase as one deletion', () => {
    expect(wordDiff('مشترک باید اصل و تصویر مدارک را ارائه کند.', 'مشترک باید تصویر مدارک را ارائه کند.')).toEqual([
      same('مشترک باید '), deleted('اصل و '), same('تصویر مدارک را ارائه کند.'),
    ]);
  });

  it('changes a ZWNJ word as a whole word, never a fragment of it', () => {
    expect(wordDiff('مطابق آیین‌نامه اجرا می‌شود.', 'مطابق دستورالعمل اجرا می‌گردد.')).toEqual([
      same('مطابق '), deleted('آیین‌نامه'), inserted('دستورالعمل'), same(' اجرا '), deleted('می‌شود'), inserted('می‌گردد'), same('.'),
    ]);
  });

  it('treats a space typed in place of a ZWNJ as a change of spelling', () => {
    expect(wordDiff('اجرا می شود', 'اجرا می‌شود')).toEqual([same('اجرا '), deleted('می شود'), inserted('می‌شود')]);
  });

  it('shows a punctuation change without touching the words around it', () => {
    expect(wordDiff('مدارک لازم، شامل شناسنامه و کارت ملی.', 'مدارک لازم؛ شامل شناسنامه و کارت ملی.')).toEqual([
      same('مدارک لازم'), deleted('،'), inserted('؛'), same(' شامل شناسنامه و کارت ملی.'),
    ]);
    expect(wordDiff('مهلت ۱۰ روز است', 'مهلت «۱۰ روز» است.')).toEqual([
      same('مهلت '), inserted('«'), same('۱۰ روز'), inserted('»'), same(' است'), inserted('.'),
    ]);
  });

  it('reports a change of digit set alone as no change, keeping the new digits', () => {
    const segments = wordDiff('ظرف 5 روز از تاریخ ١٤٠٤/٠٩/٠١', 'ظرف ۵ روز از تاریخ ۱۴۰۴/۰۹/۰۱');
    expect(segments).toEqual([same('ظرف ۵ روز از تاریخ ۱۴۰۴/۰۹/۰۱')]);
    expect(hasChanges(segments)).toBe(false);
  });

  it('still sees a changed number written in another digit set', () => {
    expect(wordDiff('ظرف 5 روز', 'ظرف ۷ روز')).toEqual([same('ظرف '), deleted('5'), inserted('۷'), same(' روز')]);
  });

  it('ignores a change of spacing alone, keeping the new spacing', () => {
    expect(wordDiff('ماده  ۵\nمتن', 'ماده ۵ متن')).toEqual([same('ماده ۵ متن')]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'متن تازه')).toEqual([inserted('متن تازه')]);
    expect(wordDiff('متن حذف‌شده', '')).toEqual([deleted('متن حذف‌شده')]);
  });

  it('rebuilds both texts from its segments', () => {
    const before = 'ماده ۵ – مشترک، ظرف ۵ روز کاری از تاریخ ابلاغ، اعتراض خود را ثبت می‌کند.';
    const after = 'ماده ۵ – مشترک ظرف ۳ روز کاری از تاریخ ابلاغ صورتحساب، اعتراض کتبی خود را در سامانه ثبت می‌کند؛ تبصره: …';
    const segments = wordDiff(before, after);
    const rebuild = (skip: string) => segments.filter((s) => s.kind !== skip).map((s) => s.text).join('');
    expect(rebuild('deleted')).toBe(after);
    expect(rebuild('inserted')).toBe(before);
    // Adjacent segments never share a kind.
    segments.forEach((s, i) => expect(s.kind).not.toBe(segments[i - 1]?.kind));
  });
});

describe('diffByArticle', () => {
  const article = (n: string, title: string, text: string): ArticleText => ({ anchor: `ماده-${n}`, title, text });
  const oldArticles = [
    article('۱', 'تعاریف', 'مشترک: شخصی که انشعاب به نام او ثبت شده است.'),
    article('۲', 'مهلت پاسخ', 'شرکت موظف است ظرف ۵ روز کاری پاسخ دهد.'),
    article('۳', 'هزینه‌ها', 'هزینه بازدید بر عهده مشترک است.'),
    article('۴', 'اعتراض', 'مشترک می‌تواند ظرف ۱۰ روز اعتراض کند.'),
  ];
  const newArticles = [
    article('1', 'تعاریف', 'مشترک: شخصی که انشعاب به نام او ثبت شده است.'), // ASCII digits in the anchor
    article('۲', 'مهلت پاسخ', 'شرکت موظف است ظرف ۳ روز کاری پاسخ دهد.'),
    article('۴', 'اعتراض', 'مشترک می‌تواند ظرف 10 روز اعتراض کند.'),
    article('۵', 'پیگیری برخط', 'درخواست‌ها در سامانه قابل پیگیری است.'),
  ];

  it('pairs articles by anchor and classifies each, in new-text order with removals in place', () => {
    const { articles, summary } = diffByArticle(oldArticles, newArticles);
    expect(articles.map((a) => [a.anchor, a.change])).toEqual([
      ['ماده-1', 'unchanged'],
      ['ماده-۲', 'amended'],
      ['ماده-۳', 'removed'], // after ماده ۲, where it stood
      ['ماده-۴', 'unchanged'], // only the digit set of «۱۰» changed
      ['ماده-۵', 'added'],
    ]);
    expect(summary).toEqual({ added: 1, removed: 1, amended: 1, unchanged: 2 });
  });

  it('gives the redline of an amended article and the whole text of added and removed ones', () => {
    const { articles } = diffByArticle(oldArticles, newArticles);
    expect(articles[1]!.segments).toEqual([same('شرکت موظف است ظرف '), deleted('۵'), inserted('۳'), same(' روز کاری پاسخ دهد.')]);
    expect(articles[2]).toMatchObject({ title: 'هزینه‌ها', segments: [deleted('هزینه بازدید بر عهده مشترک است.')] });
    expect(articles[4]).toMatchObject({ title: 'پیگیری برخط', segments: [inserted('درخواست‌ها در سامانه قابل پیگیری است.')] });
    expect(articles[0]!.segments).toEqual([same('مشترک: شخصی که انشعاب به نام او ثبت شده است.')]);
  });

  it('counts a reworded title as an amendment', () => {
    const { articles } = diffByArticle([article('۱', 'مهلت', 'متن')], [article('۱', 'مهلت پاسخ', 'متن')]);
    expect(articles[0]).toMatchObject({
      change: 'amended',
      titleSegments: [same('مهلت'), inserted(' پاسخ')],
      segments: [same('متن')],
    });
  });

  it('puts articles removed from the start first, and keeps consecutive removals in order', () => {
    const old = [article('۱', 'الف', 'یک'), article('۲', 'ب', 'دو'), article('۳', 'ج', 'سه'), article('۴', 'د', 'چهار'), article('۵', 'ه', 'پنج')];
    const { articles, summary } = diffByArticle(old, [article('۲', 'ب', 'دو'), article('۵', 'ه', 'پنج')]);
    expect(articles.map((a) => [a.anchor, a.change])).toEqual([
      ['ماده-۱', 'removed'],
      ['ماده-۲', 'unchanged'],
      ['ماده-۳', 'removed'],
      ['ماده-۴', 'removed'],
      ['ماده-۵', 'unchanged'],
    ]);
    expect(summary).toEqual({ added: 0, removed: 3, amended: 0, unchanged: 2 });
  });

  it('handles a regulation added or repealed as a whole', () => {
    expect(diffByArticle([], newArticles).summary).toEqual({ added: 4, removed: 0, amended: 0, unchanged: 0 });
    expect(diffByArticle(oldArticles, []).articles.map((a) => a.anchor)).toEqual(oldArticles.map((a) => a.anchor));
    expect(diffByArticle([], [])).toEqual({ articles: [], summary: { added: 0, removed: 0, amended: 0, unchanged: 0 } });
  });
});
