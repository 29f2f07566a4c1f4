/** Company names: the characters a contractor company's name may hold, at creation and import. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyNameCharacterProblem } from '../company-name';
import { validateNewUser } from '../validation';

const contractor = (company: string) => validateNewUser({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company });

describe('company names', () => {
  it('accepts Persian and Latin names with ZWNJ, digits and the punctuation of names', () => {
    for (const name of ['شرکت پیمانکاری نمونه نور', 'شرکت "برق‌آوران", شعبهٔ ۲', 'Pars Energy Co.', 'نیرو گستر (سهامی خاص)', 'شرکت ۱۲۳ برق', 'برق & نور / شعبهٔ «غرب»', 'شرکت آیین‌نو، تهران']) {
      expect(companyNameCharacterProblem(name), name).toBeUndefined();
      expect(contractor(name).issues, name).toEqual([]);
    }
  });

  it('refuses a name that starts a formula or holds other characters, naming the field in Persian', () => {
    for (const [name, shown] of [['=HYPERLINK("x")', '«=»'], ['+98 برق', '«+»'], ['-شرکت', '«-»'], ['@شرکت', '«@»'], ['شرکت <b>', '«<»'], ['شرکت ☺', '«☺»'], ['شرکت\u200Bنور', 'U+200B'], ['شرکت Ωμέγα', '«Ω»']] as const) {
      const { issues, value } = contractor(name);
      expect(value, name).toBeUndefined();
      expect(issues).toHaveLength(1);
      expect(issues[0]!.field).toBe('company');
      expect(issues[0]!.messageFa).toMatch(/^نام شرکت/);
      expect(issues[0]!.messageFa).toContain(shown);
    }
  });

  it('no accepted name can start with a formula character (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const { value } = contractor(name);
        if (value) expect(value.company!).not.toMatch(/^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\s]/u);
      }),
      { numRuns: 2000 },
    );
  });
});
