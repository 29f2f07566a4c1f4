import { describe, expect, it } from 'vitest';
import { normalizeJoined, normalizePersian } from '../normalize';
import { stemPersian } from '../stem';
import { searchableText, terms, words } from '../tokenize';

describe('normalizePersian: one form for what users type', () => {
  it.each([
    ['Arabic yeh and kaf', 'مشتركين كنتور يك', 'مشترکین کنتور یک'],
    ['alef maksura', 'مصطفى', 'مصطفی'],
    ['teh marbuta', 'مادة', 'ماده'],
    ['heh with yeh above (ezafe)', 'خانۀ', 'خانه'],
    ['hamza on yeh', 'مسئول', 'مسیول'],
    ['hamza on waw', 'مسؤول', 'مسوول'],
    ['alef with hamza above and below', 'أصل إجرا', 'اصل اجرا'],
    ['alef madda folded to alef', 'آیین', 'ایین'],
    ['standalone hamza dropped', 'جزء', 'جز'],
    ['harakat and shadda', 'مُقَرَّرات', 'مقررات'],
    ['tanwin and superscript alef', 'فوراً رحمٰن', 'فورا رحمن'],
    ['tatweel', 'مشـــترک', 'مشترک'],
    ['Persian digits', '۱۴۰۴/۰۹/۰۱', '1404/09/01'],
    ['Arabic-Indic digits', '١٤٠٤', '1404'],
    ['ZWJ and soft hyphen dropped', 'آیین\u200Dنامه', 'ایيننامه'.replace('ي', 'ی')],
    ['runs of ZWNJ collapsed', 'آیین\u200C\u200Cنامه', 'ایین\u200Cنامه'],
    ['NBSP and thin spaces are spaces', 'ماده\u00A0۵\u2009تبصره', 'ماده 5 تبصره'],
    ['bidi marks removed', '\u200Fماده\u200E ۵\u202B', 'ماده 5'],
    ['presentation forms', 'ﻻ ﮐ', 'لا ک'],
    ['Latin lower-cased', 'CS-003', 'cs-003'],
  ])('%s', (_, input, expected) => {
    expect(normalizePersian(input)).toBe(expected);
  });

  it('joins ZWNJ compounds in normalizeJoined', () => {
    expect(normalizeJoined('آیین‌نامه')).toBe('ایيننامه'.replace('ي', 'ی'));
    expect(normalizeJoined('می‌شود')).toBe('میشود');
  });

  it('is idempotent', () => {
    const samples = ['آیین‌نامهٔ فروش انشعاب', 'مشتركين ١٤٠٤', 'تجاوز از قدرتِ قراردادی'];
    for (const s of samples) expect(normalizePersian(normalizePersian(s))).toBe(normalizePersian(s));
  });
});

describe('stemPersian: light suffixes, roots intact', () => {
  it.each([
    ['انشعابات', 'انشعاب'],
    ['مشترکین', 'مشترک'],
    ['قبضها', 'قبض'],
    ['کنتورهای', 'کنتور'],
    ['کارکنان', 'کارکن'],
    ['بیشترین', 'بیش'],
    ['عمومی', 'عموم'],
    ['پیمانکاران', 'پیمانکار'],
    // Not mangled:
    ['ایین', 'ایین'],
    ['زمین', 'زمین'],
    ['فرمان', 'فرمان'],
    ['مهمان', 'مهمان'],
    ['میزان', 'میزان'],
    ['برق', 'برق'],
    ['ولی', 'ولی'],
    ['cs', 'cs'],
  ])('%s → %s', (word, stem) => {
    expect(stemPersian(word)).toBe(stem);
  });
});

describe('terms: the same terms for every spelling', () => {
  const same = (a: string, b: string) => expect(terms(a)).toEqual(terms(b));

  it('آیین‌نامه = آیین نامه = آییننامه share terms', () => {
    expect(terms('آیین‌نامه')).toEqual(['ایيننامه'.replace('ي', 'ی'), 'ایین', 'نامه']);
    expect(terms('آیین نامه')).toEqual(['ایین', 'نامه']);
    expect(terms('آییننامه')).toEqual(['ایيننامه'.replace('ي', 'ی')]);
    // A document with the ZWNJ form matches all three queries.
    const doc = new Set(terms('آیین‌نامه فروش انشعاب'));
    for (const q of ['آیین نامه', 'آییننامه', 'آيين‌نامه']) for (const t of terms(q)) expect(doc.has(t), `${q}: ${t}`).toBe(true);
  });

  it('Arabic letters, digits and plurals meet the document form', () => {
    same('مشتركين', 'مشترکین');
    same('ماده ٥', 'ماده ۵');
    same('ماده 5', 'ماده ۵');
    expect(terms('انشعابات')).toEqual(terms('انشعاب'));
  });

  it('drops stop words from queries', () => {
    expect(terms('مهلت پاسخ به شکایات چقدر است؟')).toEqual(['مهلت', 'پاسخ', 'شکایات'].map(stemPersian));
  });

  it('keeps codes and numbers', () => {
    expect(words('کد CS-003 و ۲۵ آمپر')).toEqual(['کد', 'cs', '003', 'و', '25', 'امپر']);
    expect(searchableText('تکفاز ۲۵ آمپر')).toBe('تکفاز 25 امپر');
  });

  it('survives empty, whitespace and control-only input', () => {
    expect(terms('')).toEqual([]);
    expect(terms('   \u200C\u200F ')).toEqual([]);
  });
});
