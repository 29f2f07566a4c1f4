import { describe, expect, it } from 'vitest';
import { parseOrganisationsCsv } from '../organisations/csv';

describe('parseOrganisationsCsv', () => {
  it('reads companies and units, quoted fields, CRLF and a BOM, skipping blank lines', () => {
    const text = '\uFEFFkind,code,name\r\ncompany,pars-niroo-khadamat,"شرکت خدمات برق ""پارس نیرو"""\r\n\r\nواحد,omur-barq-shomal,  امور   برق شمال \r\n';
    expect(parseOrganisationsCsv(text)).toEqual({
      rows: [
        { kind: 'company', code: 'pars-niroo-khadamat', name: 'شرکت خدمات برق "پارس نیرو"', line: 2 },
        { kind: 'unit', code: 'omur-barq-shomal', name: 'امور برق شمال', line: 4 },
      ],
      problems: [],
    });
  });

  it('names every wrong row and column in Persian, duplicates with the row they repeat', () => {
    const text = [
      'kind,code,name',
      'company,pars-niroo,شرکت پارس نیرو',
      'contractor,roshan,شرکت روشن',
      'company,Roshan Gostar,شرکت روشن‌گستر',
      'company,pars-niroo,شرکت دیگر',
      'unit,omur-gharb,',
      'unit,omur-jonoub',
    ].join('\n');
    expect(parseOrganisationsCsv(text).problems.map((p) => p.message)).toEqual([
      'سطر ۳، ستون kind: «contractor» شناخته نیست؛ company یا unit بنویسید.',
      'سطر ۴، ستون code: «Roshan Gostar» شناسه معتبر نیست؛ حروف کوچک لاتین، رقم و خط تیره مانند pars-niroo.',
      'سطر ۵، ستون code: شناسه «pars-niroo» در سطر ۲ هم آمده است.',
      'سطر ۶، ستون name: نام خالی است.',
      'سطر ۷، ستون kind: این سطر ۲ ستون دارد؛ ۳ ستون لازم است.',
    ]);
  });

  it('refuses a file without the header', () => {
    expect(parseOrganisationsCsv('company,pars-niroo,شرکت پارس نیرو\n').problems).toEqual([
      { line: 1, column: 'header', message: 'سطر ۱، ستون header: سطر اول باید سرستون‌های kind,code,name باشد.' },
    ]);
  });
});
