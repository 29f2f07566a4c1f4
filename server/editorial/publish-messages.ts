/**
 * The publishing library's refusals (scripts/lib/editions/publish.ts, English for the CLI) as
 * the approvers' form shows them: a Persian sentence, where it applies (a form field or a
 * file:line), and the library's own text kept for the record. Pure.
 */
import { editionLabel } from '../../src/lib/edition-paths';
import type { PublishProblem } from '../../scripts/lib/editions/publish';
import { toPersianDigits } from '../../src/domain/digits';

export type PublishField = 'name' | 'effective' | 'notificationNumber' | 'notificationDate' | 'summary';

export interface PersianProblem {
  /** The form field it belongs next to, when it is one. */
  readonly field?: PublishField;
  /** `docs/…:12` for a problem in a text. */
  readonly where?: string;
  readonly message: string;
  /** The library's wording (English), as the CLI prints it. */
  readonly detail: string;
}

const FIELD_OF_OPTION: Record<string, PublishField> = {
  '--name': 'name',
  '--effective': 'effective',
  '--notification': 'notificationNumber',
  '--notification-date': 'notificationDate',
  '--summary': 'summary',
};
const FIELD_LABELS: Record<PublishField, string> = {
  name: 'نام ویرایش',
  effective: 'تاریخ اجرا',
  notificationNumber: 'شماره ابلاغیه',
  notificationDate: 'تاریخ ابلاغیه',
  summary: 'خلاصه',
};
const STATUS_LABELS: Record<string, string> = { draft: 'پیش‌نویس', review: 'در حال بررسی', 'in-review': 'در حال بررسی' };

/** Known sentences of the library, each with its Persian; matched in order. */
const SENTENCES: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^(changed|new) text is "([^"]+)"/, (m) => `متن ${m[1] === 'new' ? 'تازه' : 'تغییرکرده'} در وضعیت «${STATUS_LABELS[m[2]!] ?? m[2]}» است؛ فقط متن‌های تأییدشده منتشر می‌شوند.`],
  [/^nothing to publish: no text in docs\/ changed since edition (\S+)/, (m) => `چیزی برای انتشار نیست: از ویرایش ${editionLabel(m[1]!)} تاکنون هیچ متنی تغییر نکرده است.`],
  [/^nothing to publish/, () => 'چیزی برای انتشار نیست: هیچ متن تأییدشده‌ای در پیش‌نویس نیست.'],
  [/already exists; remove it or choose another name$/, () => 'ویرایشی با این نام پیش‌تر منتشر شده است؛ نام دیگری برگزینید.'],
  [/^(\S+) is superseded by (\S+) but would stay in force in (\S+)/, (m) => `${m[1]} با ${m[2]} جایگزین می‌شود اما در ویرایش ${editionLabel(m[3]!)} همچنان لازم‌الاجرا می‌ماند؛ آن را «منسوخ» کنید یا از پیش‌نویس بردارید.`],
  [/^(\S+) would not be in edition (\S+) .*a broken link$/, (m) => `پیوند به ${m[1]} در ویرایش ${editionLabel(m[2]!)} شکسته می‌شود (آن متن منسوخ، کنار گذاشته یا تأییدنشده است).`],
  [/^(\S+) in edition (\S+) has no clause #(.+)$/, (m) => `${m[1]} در ویرایش ${editionLabel(m[2]!)} بند «${m[3]}» را ندارد؛ پیوند شکسته می‌شود.`],
  [/^duplicate edition name "([^"]+)"/, (m) => `نام ویرایش ${editionLabel(m[1]!)} پیش‌تر به کار رفته است.`],
  [/^must be the effective date's year and month: (\S+)/, (m) => `نام ویرایش باید سال و ماه تاریخ اجرا باشد: ${editionLabel(m[1]!)}`],
  [/^must be after the previous edition's effective date (\S+) \((\S+)\)/, (m) => `تاریخ اجرا باید پس از تاریخ اجرای ویرایش ${editionLabel(m[2]!)} (${toPersianDigits(m[1]!)}) باشد.`],
  [/^a regulation cannot take effect before it is notified/, () => 'تاریخ ابلاغیه نباید پس از تاریخ اجرا باشد: مقرره پیش از ابلاغ لازم‌الاجرا نمی‌شود.'],
  [/does not exist|not a (real )?Jalali date|Jalali date|expected .*\d{4}\//i, () => 'تاریخ شمسی معتبری نیست؛ آن را مانند ۱۴۰۵/۱۰/۰۱ بنویسید.'],
  [/^no regulation (\S+) in docs\/$/, (m) => `مقرره ${m[1]} در پیش‌نویس ویرایش بعدی نیست.`],
];

export function persianProblem(problem: PublishProblem): PersianProblem {
  const detail = problem.message;
  const sentence = SENTENCES.map(([re, fa]) => [re.exec(detail), fa] as const).find(([m]) => m);
  if ('option' in problem) {
    const field = FIELD_OF_OPTION[problem.option];
    const said = sentence ? sentence[1](sentence[0]!) : 'پذیرفته نیست.';
    const fa = field && !said.includes(FIELD_LABELS[field]) ? `${FIELD_LABELS[field]}: ${said}` : said;
    return { ...(field ? { field } : {}), message: fa, detail };
  }
  const fa = sentence ? sentence[1](sentence[0]!) : `این متن مشکل دارد (${problem.field}).`;
  return { where: `${problem.file}:${problem.line}`, message: fa, detail };
}
