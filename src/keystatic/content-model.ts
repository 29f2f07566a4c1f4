/**
 * Keystatic's collections and singletons, built from the same taxonomy and schemas the build
 * validates with (src/content/schemas/). `__tests__/content-model.test.ts` fails when a schema
 * key has no field here (or `fields.ignored`), or a field here is outside the schema.
 *
 * Taxonomy values (areas, audiences, authorities…) are data files, so the config is a function
 * of the loaded taxonomy rather than a hand-kept copy of their ids.
 */
import { collection, config, fields } from '@keystatic/core';
import { block } from '@keystatic/core/content-components';
import type { Taxonomy, Term } from '../content/schemas/taxonomy';
import { courseLevels } from '../content/schemas/course';

const JALALI_DATE = /^[0-9۰-۹٠-٩]{4}\/[0-9۰-۹٠-٩]{1,2}\/[0-9۰-۹٠-٩]{1,2}$/;
const OPTIONAL_JALALI_DATE = new RegExp(`^$|${JALALI_DATE.source}`);
const REGULATION_CODE = /^[A-Z]{2}-\d{3}$/;

const options = (terms: readonly Term[]) => terms.map((t) => ({ label: t.title, value: t.id }));

const jalaliDate = (label: string, isRequired = true) =>
  fields.text({
    label,
    description: 'تاریخ شمسی، مانند ۱۴۰۴/۰۹/۰۱',
    // Keystatic checks the pattern on an empty optional field too: an optional date may be empty.
    validation: { isRequired, pattern: { regex: isRequired ? JALALI_DATE : OPTIONAL_JALALI_DATE, message: 'تاریخ شمسی را به شکل ۱۴۰۴/۰۹/۰۱ بنویسید' } },
  });

const required = (label: string, description?: string, multiline = false) =>
  fields.text({ label, ...(description ? { description } : {}), multiline, validation: { isRequired: true } });
const optionalText = (label: string, description?: string, multiline = false) =>
  fields.text({ label, ...(description ? { description } : {}), multiline });

const regulationCodes = (label: string) =>
  fields.array(
    fields.text({ label: 'کد مقرره', validation: { isRequired: true, pattern: { regex: REGULATION_CODE, message: 'کد مقرره مانند CS-003 است' } } }),
    { label, itemLabel: (props) => props.value || 'کد تازه' },
  );
const textList = (label: string) => fields.array(fields.text({ label, validation: { isRequired: true } }), { label, itemLabel: (props) => props.value || '—' });
const audience = (taxonomy: Taxonomy) => fields.multiselect({ label: 'مخاطبان', options: options(taxonomy.audiences) });
const sample = fields.checkbox({ label: 'محتوای نمونه', description: 'محتوای نمونه در نسخه واقعی سامانه نمایش داده نمی‌شود' });
/** Docusaurus reads these; editors do not touch them, but a save must keep them. */
const docusaurusKeys = { sidebar_position: fields.ignored(), sidebar_label: fields.ignored() };

/**
 * A collection's slug field. Keystatic reads a `fields.text` slug field from the file *name*
 * and leaves it out of the front matter on save (a saved CS-002 lost its `code:` and got
 * `cs-002`); `fields.slug` keeps the value in the file and the slug in the name.
 */
const slugOf = (label: string, slug: { description: string; generate?: (name: string) => string }, validation: { regex: RegExp; message: string } | undefined = undefined) =>
  fields.slug({
    name: { label, validation: { isRequired: true, ...(validation ? { pattern: validation } : {}) } },
    slug: { label: 'نام پرونده', description: slug.description, ...(slug.generate ? { generate: slug.generate } : {}) },
  });
const titleSlug = (label: string) => slugOf(label, { description: 'با حروف لاتین، مانند meter-reading؛ نشانی صفحه از آن ساخته می‌شود' });

/**
 * Ayin's MDX components (registered globally, src/theme/MDXComponents.tsx), declared so that
 * Keystatic opens and saves a body that uses them (it refuses an undeclared component).
 */
const mdxComponents = {
  Quiz: block({ label: 'آزمون دوره', description: 'آزمون پایانی دوره، در آخرین درس', schema: { course: fields.text({ label: 'شناسه دوره', validation: { isRequired: true } }) } }),
  Truncate: block({ label: 'پایان خلاصه', description: 'فهرست ابلاغیه‌ها متن پیش از این نشانه را نشان می‌دهد', schema: {} }),
  EditionChanges: block({ label: 'تغییرات ویرایش', description: 'فهرست تغییرات یک ویرایش در ابلاغیه', schema: { edition: fields.text({ label: 'نام ویرایش', description: 'مانند 1404-09', validation: { isRequired: true } }) } }),
};

/** Ayin's MDX body. */
const mdxBody = (label: string) => fields.mdx({ label, extension: 'mdx', components: mdxComponents });

export function regulationFields(taxonomy: Taxonomy) {
  return {
    title: required('عنوان'),
    code: slugOf('کد مقرره', { description: 'از کد ساخته می‌شود، مانند cs-003', generate: (code) => code.toLowerCase() }, { regex: REGULATION_CODE, message: 'کد مقرره مانند CS-003 است' }),
    type: fields.select({ label: 'نوع سند', options: options(taxonomy['document-types']), defaultValue: taxonomy['document-types'][0]!.id }),
    authority: fields.select({ label: 'مرجع صادرکننده', options: options(taxonomy.authorities), defaultValue: taxonomy.authorities[0]!.id }),
    audience: audience(taxonomy),
    status: fields.select({ label: 'وضعیت', options: options(taxonomy.statuses), defaultValue: taxonomy.statuses[0]!.id }),
    inForceFrom: jalaliDate('لازم‌الاجرا از تاریخ'),
    notification: fields.object({ number: required('شماره ابلاغیه'), date: jalaliDate('تاریخ ابلاغیه') }, { label: 'ابلاغیه' }),
    supersedes: regulationCodes('جایگزین این مقررات'),
    reviewEvery: fields.integer({ label: 'دوره بازنگری (ماه)', description: 'هر چند ماه پس از تاریخ اجرا بازنگری شود؛ مانند ۱۲', validation: { min: 1, max: 120 } }),
    nextReview: jalaliDate('تاریخ بازنگری بعدی', false),
    keywords: textList('کلیدواژه‌ها'),
    description: optionalText('خلاصه', undefined, true),
    sample,
    ...docusaurusKeys,
    body: mdxBody('متن مقرره'),
  };
}

export function courseFields(taxonomy: Taxonomy) {
  return {
    title: titleSlug('عنوان دوره'),
    summary: required('خلاصه دوره', undefined, true),
    audience: audience(taxonomy),
    level: fields.select({ label: 'سطح', options: Object.entries(courseLevels).map(([value, label]) => ({ value, label })), defaultValue: 'basic' }),
    durationHours: fields.number({ label: 'مدت (ساعت)', validation: { isRequired: true, min: 0.5 } }),
    regulations: regulationCodes('مقررات مرتبط'),
    validForMonths: fields.integer({ label: 'اعتبار گواهی (ماه)', description: 'خالی: گواهی منقضی نمی‌شود', validation: { min: 1 } }),
    sample,
  };
}

export const lessonFields = {
  title: titleSlug('عنوان درس'),
  description: required('شرح کوتاه درس', undefined, true),
  duration: fields.integer({ label: 'مدت (دقیقه)', validation: { isRequired: true, min: 1 } }),
  objectives: textList('اهداف یادگیری'),
  regulations: regulationCodes('مقررات مرتبط'),
  cites: fields.array(
    fields.text({
      label: 'بند استنادشده',
      description: 'مانند ES-007#ماده-۵ یا ES-007#ماده-۵-تبصره-۱',
      validation: { isRequired: true, pattern: { regex: /^(reg:)?[A-Z]{2}-\d{3}#\S+$/, message: 'استناد را مانند ES-007#ماده-۵ بنویسید' } },
    }),
    { label: 'بندهای استنادشده', itemLabel: (props) => props.value || '—' },
  ),
  sample,
  ...docusaurusKeys,
  body: mdxBody('متن درس'),
};

export const quizFields = {
  title: titleSlug('عنوان آزمون'),
  sample,
  passMark: fields.integer({ label: 'نمره قبولی (درصد)', validation: { isRequired: true, min: 1, max: 100 } }),
  draw: fields.integer({ label: 'شمار پرسش‌های هر آزمون', validation: { isRequired: true, min: 1 } }),
  maxAttempts: fields.integer({ label: 'بیشترین شمار دفعات شرکت', validation: { isRequired: true, min: 1 } }),
  timeLimitMinutes: fields.integer({ label: 'زمان آزمون (دقیقه)', validation: { min: 1, max: 600 } }),
  // Keystatic's conditional field stores {discriminant, value}; Ayin's questions are flat
  // objects keyed by `type`. Kept (never dropped on save) but edited in the YAML for now.
  questions: fields.ignored(),
};

export function seminarFields(taxonomy: Taxonomy) {
  const material = (label: string) =>
    fields.array(fields.object({ title: required('عنوان'), file: required('پرونده', 'نشانی پرونده مانند /seminars/<شناسه>/handout.pdf') }, { label }), {
      label,
      itemLabel: (props) => props.fields.title.value || '—',
    });
  return {
    title: titleSlug('عنوان سمینار'),
    summary: required('خلاصه', undefined, true),
    date: jalaliDate('تاریخ برگزاری'),
    time: fields.text({ label: 'ساعت شروع (به وقت تهران)', validation: { isRequired: true, pattern: { regex: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'ساعت را مانند 09:30 بنویسید' } } }),
    durationMinutes: fields.integer({ label: 'مدت (دقیقه)', validation: { isRequired: true, min: 15, max: 720 } }),
    presenter: fields.object({ name: required('نام ارائه‌دهنده'), role: required('سمت ارائه‌دهنده') }, { label: 'ارائه‌دهنده' }),
    venue: optionalText('محل برگزاری'),
    onlineLink: optionalText('نشانی برگزاری برخط', 'با https:// آغاز می‌شود'),
    audience: audience(taxonomy),
    capacity: fields.integer({ label: 'ظرفیت', validation: { isRequired: true, min: 1, max: 10_000 } }),
    slides: material('اسلایدها'),
    handouts: material('جزوه‌ها'),
    recording: optionalText('نشانی فیلم جلسه'),
    regulations: textList('مقررات و بندهای مرتبط (مانند reg:CS-002#ماده-۵)'),
    sample,
  };
}

export function announcementFields(taxonomy: Taxonomy) {
  return {
    title: titleSlug('عنوان ابلاغیه'),
    published: jalaliDate('تاریخ انتشار'),
    notification: optionalText('شماره ابلاغیه'),
    regulations: regulationCodes('مقررات ابلاغ‌شده'),
    edition: optionalText('ویرایش', 'نام ویرایش مانند 1404-09'),
    audience: audience(taxonomy),
    tags: textList('برچسب‌ها'),
    description: optionalText('خلاصه', undefined, true),
    // Who must acknowledge it (issue 11): kept as written in the file for now; a form for it
    // (roles, companies, units, due date or days) is to come with the inbox.
    acknowledge: fields.ignored(),
    sample,
    body: mdxBody('متن ابلاغیه'),
  };
}

/** Fields of one glossary entry; the file itself is a top-level YAML list (see README of this folder). */
export function glossaryEntryFields(taxonomy: Taxonomy) {
  return {
    term: required('واژه'),
    synonyms: textList('هم‌معنی‌ها'),
    english: optionalText('معادل انگلیسی'),
    definition: required('تعریف', undefined, true),
    area: fields.select({ label: 'حوزه', options: [{ label: '—', value: '' }, ...options(taxonomy.areas)], defaultValue: '' }),
  };
}

/** Fields of one edition; editions are published (`edition:publish`), never edited here. */
export const editionEntryFields = {
  name: required('نام ویرایش'),
  effective: jalaliDate('لازم‌الاجرا از تاریخ'),
  notification: fields.object({ number: required('شماره ابلاغیه'), date: jalaliDate('تاریخ ابلاغیه') }, { label: 'ابلاغیه' }),
  summary: required('خلاصه', undefined, true),
  // `true` or a list of clauses: a union Keystatic has no field for; the approver writes it in the file.
  editorial: fields.ignored(),
};

/** The content directories editors may write, per collection (the server checks saves against them). */
export function keystaticConfigFor(taxonomy: Taxonomy) {
  const regulationCollections = Object.fromEntries(
    taxonomy.areas.map((area) => [
      `regulations-${area.id}`,
      collection({
        label: `مقررات: ${area.title}`,
        path: `docs/${area.id}/*`,
        slugField: 'code',
        format: { contentField: 'body' },
        entryLayout: 'content',
        columns: ['title', 'code'],
        schema: regulationFields(taxonomy),
      }),
    ]),
  );
  return config({
    storage: { kind: 'local' },
    // No Persian locale exists; the direction follows the locale, and ar-AE is right-to-left.
    locale: 'ar-AE',
    ui: {
      brand: { name: 'آیین — ویرایش محتوا' },
      navigation: {
        'مقررات': Object.keys(regulationCollections) as never[],
        'آموزش': ['courses', 'lessons', 'quizzes', 'seminars'],
        'اطلاع‌رسانی': ['announcements'],
      },
    },
    collections: {
      ...regulationCollections,
      courses: collection({ label: 'دوره‌های آموزشی', path: 'content/courses/*', slugField: 'title', format: { data: 'yaml' }, schema: courseFields(taxonomy) }),
      lessons: collection({ label: 'درس‌ها', path: 'courses/**', slugField: 'title', format: { contentField: 'body' }, entryLayout: 'content', schema: lessonFields }),
      quizzes: collection({ label: 'آزمون‌ها', path: 'content/quizzes/*', slugField: 'title', format: { data: 'yaml' }, schema: quizFields }),
      seminars: collection({ label: 'سمینارها و جلسات آموزشی', path: 'content/seminars/*', slugField: 'title', format: { data: 'yaml' }, schema: seminarFields(taxonomy) }),
      announcements: collection({ label: 'ابلاغیه‌ها', path: 'announcements/*', slugField: 'title', format: { contentField: 'body' }, entryLayout: 'content', schema: announcementFields(taxonomy) }),
    },
    singletons: {},
  });
}

/** Every directory the editors' Keystatic may write; everything else is refused by the server. */
export const EDITABLE_ROOTS = ['docs/', 'courses/', 'announcements/', 'content/courses/', 'content/quizzes/', 'content/seminars/'] as const;

export type { Taxonomy };
