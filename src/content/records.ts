/**
 * Splits the corpus into search records: a regulation into its articles and notes (items stay
 * in their article), a lesson into its sections, an announcement into one record, the glossary
 * into one record per term. Reads the same trees the validator reads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { formatJalaliIso, formatJalaliLong, type JalaliDate } from '../domain/jalali';
import { clauseLabel, parseArticleHeading, parseClauseAnchor, parseNoteLead } from '../domain/clauses';
import type { SearchRecord } from '../search/record';
import { walkClauses } from './clause-tree';
import { buildToday, listedRegulations } from './editions';
import type { Corpus } from './corpus';
import { splitMarkdown } from './front-matter';
import { parseMdx } from './markdown';
import { titleOf } from './schemas/taxonomy';

const jalaliNumber = (d: JalaliDate) => Number(formatJalaliIso(d).replace(/\//g, ''));

/** Text of a node with spaces between blocks and table cells (mdast's toString runs them together). */
function plainText(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' || node.type.startsWith('mdx') ? '' : node.value;
  if (!('children' in node)) return '';
  const inline = ['paragraph', 'heading', 'emphasis', 'strong', 'link', 'delete', 'tableCell'].includes(node.type);
  return (node.children as RootContent[]).map(plainText).join(inline ? '' : ' ').replace(/\s+/g, ' ').trim();
}

function readTree(siteDir: string, file: string): Root | undefined {
  const { body } = splitMarkdown(file, readFileSync(path.join(siteDir, file), 'utf8'));
  const parsed = parseMdx(body);
  return parsed.ok ? parsed.tree : undefined;
}

interface Section {
  anchor: string;
  title: string;
  /** Article number when the section is an article, for labelling its notes. */
  article?: number;
  nodes: RootContent[];
  notes: { anchor: string; label: string; nodes: RootContent[] }[];
}

/** Cuts a page into sections at level-2 headings; notes (تبصره) become their own parts. */
function sections(tree: Root, pageTitle: string): Section[] {
  const anchors = new Map<RootContent, string>();
  walkClauses(tree, {
    onArticle: (node, clause) => void anchors.set(node, clause.anchor),
    onNote: (node, clause) => void anchors.set(node, clause.anchor),
  });
  const slugger = new GithubSlugger();
  const result: Section[] = [{ anchor: '', title: pageTitle, nodes: [], notes: [] }];
  for (const node of tree.children) {
    const current = result[result.length - 1]!;
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      const text = toString(node);
      const article = parseArticleHeading(text);
      // Non-clause headings get Docusaurus's own slug, so the anchor is the one on the page.
      const anchor = anchors.get(node) ?? slugger.slug(text);
      if (article !== undefined) slugger.slug(anchor); // keep the slugger's duplicate count in step
      result.push({ anchor, title: text, article, nodes: [], notes: [] });
    } else if (anchors.has(node) && current.article !== undefined) {
      const lead = toString((node as { children: RootContent[] }).children[0] as RootContent);
      const note = parseNoteLead(lead.replace(/[:\s]+$/, '')) ?? 0;
      current.notes.push({ anchor: anchors.get(node)!, label: clauseLabel({ article: current.article, note }), nodes: [node] });
    } else {
      current.nodes.push(node);
    }
  }
  return result.filter((s) => s.nodes.length || s.notes.length || s.anchor !== '');
}

const safeId = (...parts: string[]) =>
  parts
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.codePointAt(0)!.toString(36)}`)
    .slice(0, 500);

/**
 * `CS-002-a5`, `CS-002-a5-n1`, `CS-002-top`: readable ids for clauses (the evaluation
 * collection's judgements use them); other sections fall back to an escaped anchor.
 */
export function regulationRecordId(code: string, anchor: string, edition = 'current'): string {
  const ref = anchor ? parseClauseAnchor(anchor) : undefined;
  const key = !anchor
    ? 'top'
    : ref
      ? [`a${ref.article}`, ref.note !== undefined ? `n${ref.note}` : '', ref.item !== undefined ? `i${ref.item}` : ''].filter(Boolean).join('-')
      : safeId(anchor);
  return edition === 'current' ? `${code}-${key}` : `${code}-${key}--${edition}`;
}

export function buildRecords(corpus: Corpus, { edition = 'current' } = {}): SearchRecord[] {
  const records: SearchRecord[] = [];
  const { taxonomy } = corpus;

  for (const reg of listedRegulations(corpus, buildToday()).values()) {
    const tree = readTree(corpus.siteDir, reg.file);
    if (!tree) continue;
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
  }

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
