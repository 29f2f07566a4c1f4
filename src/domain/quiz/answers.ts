/**
 * Checks a learner's answer from untrusted JSON against the shape its question expects, and
 * normalises it (numbers typed with Persian or Arabic-Indic digits become numbers). Errors are
 * Persian sentences the UI can show as they are.
 */
import { toAsciiDigits } from '../digits';
import type { LearnerAnswer, Question } from './types';

export type ParsedAnswer = { readonly ok: true; readonly answer: LearnerAnswer } | { readonly ok: false; readonly error: string };

const fail = (error: string): ParsedAnswer => ({ ok: false, error });
const ok = (answer: LearnerAnswer): ParsedAnswer => ({ ok: true, answer });

export function parseAnswer(question: Question, raw: unknown): ParsedAnswer {
  switch (question.type) {
    case 'single': {
      if (typeof raw !== 'string') return fail('برای این پرسش باید یکی از گزینه‌ها را انتخاب کنید.');
      if (!question.options.some((o) => o.id === raw)) return fail('گزینهٔ انتخاب‌شده در این پرسش وجود ندارد.');
      return ok(raw);
    }
    case 'multiple': {
      if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) {
        return fail('پاسخ این پرسش باید فهرستی از گزینه‌های انتخاب‌شده باشد.');
      }
      if (!raw.every((id) => question.options.some((o) => o.id === id))) return fail('دست‌کم یکی از گزینه‌های انتخاب‌شده در این پرسش وجود ندارد.');
      if (new Set(raw).size !== raw.length) return fail('یک گزینه بیش از یک بار انتخاب شده است.');
      return ok([...raw]);
    }
    case 'true-false': {
      if (typeof raw !== 'boolean') return fail('پاسخ این پرسش باید «درست» یا «نادرست» باشد.');
      return ok(raw);
    }
    case 'numeric': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw, question.unit) : undefined;
      if (value === undefined || !Number.isFinite(value)) return fail('پاسخ این پرسش باید یک عدد باشد.');
      return ok(value);
    }
    case 'ordering': {
      if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) {
        return fail('پاسخ این پرسش باید ترتیبی از همهٔ گزینه‌ها باشد.');
      }
      const ids = question.options.map((o) => o.id);
      const isPermutation = raw.length === ids.length && new Set(raw).size === raw.length && raw.every((id) => ids.includes(id));
      if (!isPermutation) return fail('برای این پرسش باید همهٔ گزینه‌ها را، هر کدام یک بار، مرتب کنید.');
      return ok([...raw]);
    }
  }
}

/**
 * A number as a person types it in Persian: any digit set, «٫» or «/» or «.» as the decimal
 * point (Iranians often write ۲/۵), «٬» or «,» between thousands, and optionally the
 * question's unit after it («۱۵ روز»).
 */
export function parseNumber(text: string, unit?: string): number | undefined {
  let s = toAsciiDigits(text).replace(/[\u200c\u200f\u200e\u2066-\u2069]/g, '').trim();
  if (unit && s.endsWith(unit)) s = s.slice(0, -unit.length).trim();
  s = s.replace(/[\u066c,]/g, '').replace(/[\u066b/]/g, '.').replace(/^[\u2212\u2013]/, '-');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}
