import { describe, expect, it } from 'vitest';
import { formatCertificateCode, newCertificateCode, normalizeCertificateCode } from '../code';

const ALPHABET = '23456789ABCDEFGHJKMNPQRTVWXYZ';

describe('certificate codes', () => {
  it('are 10 characters of an alphabet without look-alikes, and all different', () => {
    const codes = Array.from({ length: 2000 }, newCertificateCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-RT-Z]{10}$/);
      expect(normalizeCertificateCode(code)).toBe(code);
    }
  });

  it('accepts what people type: lower case, a hyphen, spaces', () => {
    const code = newCertificateCode();
    expect(normalizeCertificateCode(` ${formatCertificateCode(code).toLowerCase()} `)).toBe(code);
    expect(formatCertificateCode(code)).toMatch(/^.{5}-.{5}$/);
  });

  it('catches every single wrong character and every swap of two neighbours', () => {
    const code = newCertificateCode();
    for (let i = 0; i < code.length; i++) {
      for (const c of ALPHABET) {
        if (c === code[i]) continue;
        expect(normalizeCertificateCode(code.slice(0, i) + c + code.slice(i + 1))).toBeUndefined();
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        expect(normalizeCertificateCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBeUndefined();
      }
    }
  });

  it('refuses the wrong length and look-alike characters', () => {
    expect(normalizeCertificateCode('ABC')).toBeUndefined();
    expect(normalizeCertificateCode('ABCDEFGHJKM')).toBeUndefined();
    expect(normalizeCertificateCode('O0I1LSU5AB')).toBeUndefined();
    expect(normalizeCertificateCode('۲۳۴۵۶۷۸۹AB')).toBeUndefined();
  });
});
