/**
 * Splits the corpus into search records: a regulation into its articles and notes (items stay
 * in their article), a lesson into its sections, an announcement into one record, the glossary
 * into one record per term. Reads the same trees the validator reads.
 */
import path from 'node:path';
import { formatJalaliIso, formatJalaliLong, type JalaliDate } from '../domain/jalali';
import { parseClauseAnchor } from '../domain/clauses';
import { UNVERSIONED } from '../search/editions';
import type { SearchRecord } from '../search/record';
import { plainText, readTree, sections } from './regulation-sections';
import type { Corpus, Regulation } from './corpus';
import { titleOf } from './schemas/taxonomy';

const jalaliNumber = (d: JalaliDate) => Number(formatJalaliIso(d).replace(/\//g, ''));

const safeId = (...parts: string[]) =>
  parts
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.codePointAt(0)!.toString(36)}`)
    .slice(0, 500);

/**
 * `CS-002-a5--1404-09`, `CS-002-a5-n1--1404-09`, `CS-002-top--1404-09`: readable ids for
 * clauses, the clause key then the edition (the evaluation collection's judgements use them);
 * other sections fall back to an escaped anchor. Texts of no edition (a site without
 * editions) have no edition suffix: `CS-002-a5`.
 */
export function regulationRecordId(code: string, anchor: string, edition: string = UNVERSIONED): string {
  const ref = anchor ? parseClauseAnchor(anchor) : undefined;
  const key = !anchor
    ? 'top'
    : ref
      ? [`a${ref.article}`, ref.note !== undefined ? `n${ref.note}` : '', ref.item !== undefined ? `i${ref.item}` : ''].filter(Boolean).join('-')
      : safeId(anchor);
  return edition === UNVERSIONED ? `${code}-${key}` : `${code}-${key}--${edition}`;
}

/** The texts to index, by edition: every published edition (or those named), else `docs/`. */
function indexedTexts(corpus: Corpus, only?: readonly string[]): { edition: string; regulations: Iterable<Regulation> }[] {
  if (!corpus.editions.length) return [{ edition: UNVERSIONED, regulations: corpus.regulations.values() }];
  return corpus.editions
    .filter((e) => !only || only.includes(e.name))
    .map((e) => ({ edition: e.name, regulations: e.regulations.values() }));
}

export interface RecordOptions {
  /** Index only these editions' regulations (default: every published edition). */
  readonly editions?: readonly string[];
}

/**
 * Every published edition is indexed, each record at its own edition's URL, so a search can
 * look back; which edition a query sees is a filter chosen when it is made (src/search/editions.ts).
 * `docs/`, the next edition being prepared, is not indexed on a site with editions.
 */
export function buildRecords(corpus: Corpus, options: RecordOptions = {}): SearchRecord[] {
  const records: SearchRecord[] = [];
  const { taxonomy } = corpus;

  for (const { edition, regulations } of indexedTexts(corpus, options.editions)) {
    for (const reg of regulations) records.push(...regulationRecords(corpus, taxonomy, reg, edition));
  }
  // Lessons, announcements and the glossary belong to no edition: every edition filter lets them through.
  const edition = UNVERSIONED;

  for (const { course, lessons } of corpus.courses) {
    for (const entry of lessons) {
      const tree = readTree(corpus.siteDir, entry.file);
      if (!tree) continue;
      let position = 0;
      for (const section of sections(tree, entry.lesson.title)) {
        records.push({
          id: safeId('lesson', entry.permalink, section.anchor || 'top'),
          kind: 'lesson',
          url: entry.permalink,
          anchor: section.anchor,
          hierarchy: [course.title, entry.lesson.title, ...(section.anchor ? [section.title] : [])],
          title: section.anchor ? section.title : entry.lesson.title,
          content: [section.anchor ? '' : entry.lesson.description, ...section.nodes.map(plainText)].join(' ').trim(),
          audience: course.audience,
          edition,
          position: position++,
        });
      }
    }
  }

  for (const entry of corpus.announcements) {
    const tree = readTree(corpus.siteDir, entry.file);
    if (!tree) continue;
    const a = entry.announcement;
    const slug = path.basename(entry.file).replace(/\.mdx?$/, '').replace(/^(\d{4})-(\d{2})-(\d{2})-/, '$1/$2/$3/');
    records.push({
      id: safeId('announcement', slug),
      kind: 'announcement',
      url: `/announcements/${slug}`,
      anchor: '',
      hierarchy: ['ابلاغیه‌ها', a.title],
      title: a.title,
      content: plainText(tree),
      audience: a.audience,
      edition,
      inForceFrom: jalaliNumber(a.published),
      position: 0,
    });
  }

  // A seminar is one record: what it is about, who presents it, when and where.
  for (const { id, permalink, seminar: s } of corpus.seminars) {
    records.push({
      id: safeId('seminar', id),
      kind: 'seminar',
      url: permalink,
      anchor: '',
      hierarchy: ['سمینارها', s.title],
      title: s.title,
      content: [s.summary, `ارائه‌دهنده: ${s.presenter.name}، ${s.presenter.role}`, `زمان: ${formatJalaliLong(s.date)}`, s.venue ? `مکان: ${s.venue}` : ''].join(' ').trim(),
      audience: s.audience,
      edition,
      inForceFrom: jalaliNumber(s.date),
      position: 0,
    });
  }

  corpus.glossary.forEach((g, i) => {
    records.push({
      id: safeId('glossary', String(i)),
      kind: 'glossary',
      url: '/glossary',
      anchor: g.term.replace(/\s+/g, '-'),
      hierarchy: ['واژه‌نامه', g.term],
      title: g.term,
      content: [g.definition, g.synonyms.length ? `هم‌معنا: ${g.synonyms.join('، ')}` : '', g.english ?? ''].join(' ').trim(),
      area: g.area,
      audience: ['staff', 'contractor', 'public'],
      edition,
      position: i,
    });
  });

  return records;
}

/** One regulation text's records: its page top, each section or article, each note. */
function regulationRecords(corpus: Corpus, taxonomy: Corpus['taxonomy'], reg: Regulation, edition: string): SearchRecord[] {
  const tree = readTree(corpus.siteDir, reg.file);
  if (!tree) return [];
  const records: SearchRecord[] = [];
  const fm = reg.frontMatter;
  const areaTitle = titleOf(taxonomy.areas, reg.area);
  const common = {
    kind: 'regulation' as const,
    url: reg.permalink,
    code: fm.code,
    area: reg.area,
    type: fm.type,
    authority: fm.authority,
    audience: fm.audience,
    edition,
    status: fm.status,
    inForceFrom: jalaliNumber(fm.inForceFrom),
  };
  let position = 0;
  for (const section of sections(tree, fm.title)) {
    const head = [areaTitle, `${fm.title} (${fm.code})`];
    records.push({
      ...common,
      id: regulationRecordId(fm.code, section.anchor, edition),
      anchor: section.anchor,
      hierarchy: section.anchor ? [...head, section.title] : head,
      title: section.anchor ? section.title : fm.title,
      content: [section.anchor ? '' : fm.description ?? '', ...section.nodes.map(plainText)].join(' ').trim(),
      position: position++,
    });
    for (const note of section.notes) {
      records.push({
        ...common,
        id: regulationRecordId(fm.code, note.anchor, edition),
        anchor: note.anchor,
        hierarchy: [...head, section.title, note.label],
        title: note.label,
        content: note.nodes.map(plainText).join(' '),
        position: position++,
      });
    }
  }
  return records;
}
