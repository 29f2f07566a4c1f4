/**
 * The ابلاغیه of a new edition: a blog post in `announcements/` that names the edition
 * (`edition:` front matter), lists the changed codes, and shows the change list through
 * `<EditionChanges>` (filtered to the reader's build, with links to each redline).
 *
 * The plain Markdown list after the component is for feed readers, who get no components. It
 * names texts by code only: the post goes to every audience of the changed texts, and a title
 * of a staff-only text must not reach a contractor's build (a `reg:` link to a text outside the
 * build keeps its words and loses its target, see plugins/remark-regulations).
 */
import { toPersianDigits } from '../../../src/domain/digits';
import { formatJalaliIso, formatJalaliLong, type JalaliDate } from '../../../src/domain/jalali';
import { TRUNCATE_MARKER } from '../../../src/content/truncate-marker';

export interface EditionChangeList {
  readonly added: readonly string[];
  readonly amended: readonly string[];
  readonly repealed: readonly string[];
  /** Superseded code → the codes of the texts that replace it. */
  readonly superseded: ReadonlyMap<string, readonly string[]>;
}

export interface AnnouncementInput {
  readonly name: string;
  readonly effective: JalaliDate;
  readonly notification: { readonly number: string; readonly date: JalaliDate };
  readonly summary: string;
  readonly changes: EditionChangeList;
  /** Union of the changed texts' audiences, in taxonomy order. */
  readonly audience: readonly string[];
  /** Every changed text is sample content. */
  readonly sample: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `announcements/1404-08-15-edition-1404-09.mdx`: dated by the notification, as the schema requires. */
export function announcementFile(name: string, published: JalaliDate): string {
  return `announcements/${published.year}-${pad(published.month)}-${pad(published.day)}-edition-${name}.mdx`;
}

/** Codes the announcement is about: every text added, amended, repealed or superseded. */
export function changedCodes(changes: EditionChangeList): string[] {
  return [...new Set([...changes.added, ...changes.amended, ...changes.repealed, ...changes.superseded.keys()])].sort();
}

const yamlString = (text: string) => JSON.stringify(text);
const regLink = (code: string) => `[${code}](reg:${code})`;
const listOf = (codes: readonly string[]) => codes.map(regLink).join('، ');

export function renderAnnouncement(input: AnnouncementInput): string {
  const { name, effective, notification, summary, changes } = input;
  const personName = toPersianDigits(name);
  const frontMatter = [
    '---',
    `title: ${yamlString(`ابلاغ ویرایش ${personName} مقررات خدمات مشترکین`)}`,
    `published: ${formatJalaliIso(notification.date)}`,
    `notification: ${yamlString(notification.number)}`,
    `edition: ${yamlString(name)}`,
    `regulations: [${changedCodes(changes).join(', ')}]`,
    `audience: [${input.audience.join(', ')}]`,
    'tags: [ویرایش مقررات]',
    `sample: ${input.sample}`,
    '---',
  ];

  const lines: string[] = [];
  const item = (label: string, codes: readonly string[]) => {
    if (codes.length) lines.push(`- **${label}:** ${listOf(codes)}`);
  };
  item('افزوده', changes.added);
  item('اصلاح‌شده', changes.amended);
  item('لغوشده', changes.repealed);
  for (const [code, by] of changes.superseded) lines.push(`- **جایگزین‌شده:** ${regLink(code)} با ${listOf(by)}`);

  return `${[
    frontMatter.join('\n'),
    `${summary.trim()} ویرایش ${personName} با ابلاغیه شماره ${notification.number} از ${formatJalaliLong(effective)} لازم‌الاجراست.`,
    TRUNCATE_MARKER,
    `<EditionChanges edition="${name}" />`,
    '## فهرست تغییرات به ترتیب کد',
    lines.join('\n'),
  ].join('\n\n')}\n`;
}
