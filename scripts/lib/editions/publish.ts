/**
 * `npm run edition:publish`: turns `docs/` (the next edition being prepared) into a published
 * edition. First a plan — what is added, amended, unchanged, repealed and superseded against
 * the latest published edition — and every reason to refuse; only a clean plan is written:
 * the snapshot `versioned_docs/version-<name>/`, its sidebars, `versions.json`, the entry in
 * `content/editions.yml`, the announcement (ابلاغیه), and the new publication dates in `docs/`.
 * The write is all or nothing (staged-write.ts).
 *
 * Decisions:
 * - A text's "text" is its body; a change of front matter only (keywords, description) is not
 *   an amendment and does not move its `inForceFrom`.
 * - Only approved texts are published. A changed text (new or amended) in draft or review
 *   refuses the whole publication, unless `--leave-out CODE` names it: then the edition keeps
 *   the published wording of an amended text, or goes without a new one, and `docs/` keeps the
 *   draft for the edition after. A text in draft or review whose body is unchanged keeps its
 *   published (approved) text: nothing about its wording awaits approval.
 * - A text leaves the edition as *repealed* when `docs/` marks it `status: repealed` or no
 *   longer has its file, as *superseded* when a new or amended text names it in `supersedes`
 *   (a superseded text still in force refuses: it would be in force twice).
 * - Added and amended texts get the edition's effective date as `inForceFrom` and its
 *   notification, in the snapshot and in `docs/` alike, so `docs/` stays the newest edition
 *   plus what is being prepared.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, isSeq, Scalar, type Document } from 'yaml';
import { loadCorpus, type Corpus, type Regulation } from '../../../src/content/corpus';
import { editionDocsDir, editionSidebarsFile, EDITIONS_FILE, VERSIONS_FILE } from '../../../src/content/editions';
import { formatProblem, type Problem } from '../../../src/content/problems';
import { editionsSchema } from '../../../src/content/schemas/edition';
import { formatJalaliIso, parseJalali, type JalaliDate } from '../../../src/domain/jalali';
import { announcementFile, changedCodes, renderAnnouncement, type EditionChangeList } from './announcement';
import { bodyText, withPublicationDates } from './front-matter-edit';
import { writeEditionSidebars } from './sidebars';
import { stagedWrite } from './staged-write';

export interface PublishRequest {
  /** `1404-09`; defaults to the effective date's year and month. */
  readonly name?: string;
  /** `1404/09/01` (any digit set). */
  readonly effective: string;
  readonly notificationNumber: string;
  /** `1404/08/15`; the announcement is dated by it. */
  readonly notificationDate: string;
  readonly summary: string;
  /** Codes whose changes in `docs/` stay out of this edition. */
  readonly leaveOut?: readonly string[];
}

/** A reason to refuse: located in a file (`file:line: field: message`) or in an option (`--name: message`). */
export type PublishProblem = Problem | { readonly option: string; readonly message: string };

export const formatPublishProblem = (p: PublishProblem) => ('option' in p ? `${p.option}: ${p.message}` : formatProblem(p));

export class PublishRefused extends Error {
  constructor(readonly problems: readonly PublishProblem[]) {
    super(`Edition not published: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was changed.\n${problems.map(formatPublishProblem).join('\n')}`);
    this.name = 'PublishRefused';
    this.stack = `${this.name}: ${this.message}`;
  }
}

export type TextChange = 'added' | 'amended' | 'unchanged' | 'carried-over' | 'left-out';

export interface SnapshotText {
  readonly code: string;
  readonly change: Exclude<TextChange, 'left-out'>;
  /** The text it is copied from: `docs/…` or the previous edition's file. */
  readonly source: Regulation;
  /** `versioned_docs/version-<name>/<area>/<file>` */
  readonly file: string;
  readonly content: string;
}

export interface PublishPlan {
  readonly siteDir: string;
  readonly name: string;
  readonly effective: JalaliDate;
  readonly notification: { readonly number: string; readonly date: JalaliDate };
  readonly summary: string;
  readonly previous: string | null;
  readonly snapshot: ReadonlyMap<string, SnapshotText>;
  readonly changes: EditionChangeList;
  /** Codes in draft or review whose changes wait for a later edition. */
  readonly leftOut: readonly string[];
  /** Relative path → new content: everything written besides the snapshot folder and sidebars. */
  readonly files: ReadonlyMap<string, string>;
  readonly notes: readonly string[];
  /** The site's taxonomy (the sidebars follow its areas). */
  readonly taxonomy: Corpus['taxonomy'];
}

const MIRRORED = ['docs', 'versioned_docs', 'versioned_sidebars', VERSIONS_FILE, 'content', 'courses', 'announcements'];

/** Reads the site and decides what publishing would do; writes nothing. */
export function planPublication(siteDir: string, request: PublishRequest): { plan?: PublishPlan; problems: PublishProblem[] } {
  const problems: PublishProblem[] = [];
  const corpus = loadCorpus(siteDir);
  problems.push(...corpus.problems);

  const checked = checkEntry(siteDir, request, problems);
  const leaveOut = new Set(request.leaveOut ?? []);
  for (const code of leaveOut) {
    if (!corpus.regulations.has(code)) problems.push({ option: '--leave-out', message: `no regulation ${code} in docs/` });
  }
  // Texts are compared only in valid content; with a bad edition entry they still are, so an
  // editor sees every problem at once.
  if (corpus.problems.length) return { problems };
  const entry = checked?.entry ?? provisionalEntry(request);

  const previous = corpus.editions.at(-1);
  const previousTexts = previous?.regulations ?? new Map<string, Regulation>();
  const read = (reg: Regulation) => readFileSync(path.join(siteDir, reg.file), 'utf8');
  const snapshotFile = (reg: Regulation) => `${editionDocsDir(entry.name)}/${reg.area}/${path.basename(reg.file)}`;
  const dates = { inForceFrom: formatJalaliIso(entry.effective), notification: { number: entry.notification.number, date: formatJalaliIso(entry.notification.date) } };

  const snapshot = new Map<string, SnapshotText>();
  const files = new Map<string, string>();
  const notes: string[] = [];
  const leftOut: string[] = [];
  const added: string[] = [];
  const amended: string[] = [];
  const gone = new Map<string, Regulation>();
  const keep = (code: string, change: SnapshotText['change'], source: Regulation, content = read(source)) =>
    snapshot.set(code, { code, change, source, file: snapshotFile(source), content });

  for (const [code, reg] of corpus.regulations) {
    const published = previousTexts.get(code);
    const textChanged = !published || bodyText(read(reg)) !== bodyText(read(published));
    const { status } = reg.frontMatter;
    if (leaveOut.has(code)) {
      leftOut.push(code);
      if (published) keep(code, 'carried-over', published);
      notes.push(published ? `${code}: left out; the edition keeps the text of ${previous!.name}` : `${code}: left out; it stays in docs/ only`);
      continue;
    }
    if (status === 'repealed') {
      if (published) gone.set(code, published);
      continue;
    }
    if (status !== 'approved') {
      if (published && !textChanged) {
        keep(code, 'carried-over', published);
        notes.push(`${code}: "${status}" in docs/ with its text unchanged; the edition keeps the approved text of ${previous!.name}`);
        continue;
      }
      problems.push({
        file: reg.file,
        line: reg.lineOf(['status']),
        field: 'status',
        message: `${published ? 'changed' : 'new'} text is "${status}"; only approved texts can be published (or pass --leave-out ${code} to publish without it)`,
      });
      continue;
    }
    if (!textChanged) {
      keep(code, 'unchanged', reg);
      continue;
    }
    (published ? amended : added).push(code);
    // The content is computed here so a front matter the editor cannot publish is reported now.
    try {
      const content = withPublicationDates(read(reg), dates);
      keep(code, published ? 'amended' : 'added', reg, content);
      files.set(reg.file, content);
    } catch (error) {
      problems.push({ file: reg.file, line: 1, field: 'front matter', message: (error as Error).message });
    }
  }
  for (const [code, published] of previousTexts) if (!corpus.regulations.has(code)) gone.set(code, published);

  // Who replaces what: only a text new or amended in this edition can supersede in it.
  const superseded = new Map<string, string[]>();
  for (const code of [...added, ...amended]) {
    const reg = corpus.regulations.get(code)!;
    reg.frontMatter.supersedes.forEach((old, i) => {
      if (gone.has(old)) superseded.set(old, [...(superseded.get(old) ?? []), code]);
      else if (snapshot.has(old)) {
        problems.push({ file: reg.file, line: reg.lineOf(['supersedes', i]), field: `supersedes.${i}`, message: `${old} is superseded by ${code} but would stay in force in ${entry.name}; mark ${old} "status: repealed" or remove its file from docs/` });
      }
    });
  }
  const repealed = [...gone.keys()].filter((code) => !superseded.has(code)).sort();
  const changes: EditionChangeList = { added: added.sort(), amended: amended.sort(), repealed, superseded };

  checkSnapshotLinks(entry.name, snapshot, problems);
  if (!changedCodes(changes).length) {
    problems.push({ option: 'docs/', message: previous ? `nothing to publish: no text in docs/ changed since edition ${previous.name}` : 'nothing to publish: docs/ holds no approved text' });
  }

  const announcement = announcementFile(entry.name, entry.notification.date);
  for (const rel of [editionDocsDir(entry.name), editionSidebarsFile(entry.name), announcement]) {
    if (existsSync(path.join(siteDir, rel))) problems.push({ option: '--name', message: `${rel} already exists; remove it or choose another name` });
  }
  if (problems.length || !checked) return { problems };

  const changedTexts = changedCodes(changes).map((code) => snapshot.get(code)?.source ?? gone.get(code)!);
  files.set(EDITIONS_FILE, editionsFileWith(siteDir, checked.raw));
  files.set(VERSIONS_FILE, `${JSON.stringify([entry.name, ...corpus.editions.map((e) => e.name).reverse()], null, 2)}\n`);
  files.set(
    announcement,
    renderAnnouncement({
      name: entry.name,
      effective: entry.effective,
      notification: entry.notification,
      summary: entry.summary,
      changes,
      audience: corpus.taxonomy.audiences.map((a) => a.id).filter((id) => changedTexts.some((r) => r.frontMatter.audience.includes(id))),
      sample: changedTexts.every((r) => r.frontMatter.sample),
    }),
  );

  return {
    problems,
    plan: { siteDir, name: entry.name, effective: entry.effective, notification: entry.notification, summary: entry.summary, previous: previous?.name ?? null, snapshot, changes, leftOut, files, notes, taxonomy: corpus.taxonomy },
  };
}

/** An entry as written in `content/editions.yml` (dates `1404/09/01`). */
interface RawEntry {
  readonly name: string;
  readonly effective: string;
  readonly notification: { readonly number: string; readonly date: string };
  readonly summary: string;
}

/** The new `content/editions.yml` entry, checked with the same schema as the file (name, order, dates). */
function checkEntry(siteDir: string, request: PublishRequest, problems: PublishProblem[]) {
  const effective = parseJalali(request.effective);
  const notified = parseJalali(request.notificationDate);
  if (!effective.ok) problems.push({ option: '--effective', message: effective.error });
  if (!notified.ok) problems.push({ option: '--notification-date', message: notified.error });
  if (!effective.ok || !notified.ok) return undefined;

  const name = request.name ?? `${effective.date.year}-${String(effective.date.month).padStart(2, '0')}`;
  const raw: RawEntry = { name, effective: formatJalaliIso(effective.date), notification: { number: request.notificationNumber, date: formatJalaliIso(notified.date) }, summary: request.summary };
  const existing = existsSync(path.join(siteDir, EDITIONS_FILE)) ? parseDocument(readFileSync(path.join(siteDir, EDITIONS_FILE), 'utf8')).toJS() : [];
  const listed = Array.isArray(existing) ? existing : [];
  const result = editionsSchema.safeParse([...listed, raw]);
  if (result.success) return { entry: result.data.at(-1)!, raw };
  const index = listed.length;
  const optionOf: Record<string, string> = { name: '--name', effective: '--effective', summary: '--summary', 'notification.number': '--notification', 'notification.date': '--notification-date' };
  for (const issue of result.error.issues) {
    // Problems of the entries already in the file are the corpus's to report.
    if (issue.path[0] !== index) continue;
    const field = issue.path.slice(1).join('.');
    problems.push({ option: optionOf[field] ?? `--${field}`, message: issue.message });
  }
  return undefined;
}

/** Stands in for an entry the schema refused, so the texts can still be checked. */
function provisionalEntry(request: PublishRequest) {
  const placeholder = { year: 1400, month: 1, day: 1 };
  const date = (text: string) => {
    const parsed = parseJalali(text);
    return parsed.ok ? parsed.date : placeholder;
  };
  return {
    name: request.name ?? 'new',
    effective: date(request.effective),
    notification: { number: request.notificationNumber || '-', date: date(request.notificationDate) },
    summary: request.summary,
  };
}

/** The snapshot stands alone: every `reg:` link in it must land on a text (and clause) in it. */
function checkSnapshotLinks(name: string, snapshot: ReadonlyMap<string, SnapshotText>, problems: PublishProblem[]) {
  for (const { source } of snapshot.values()) {
    for (const link of source.links) {
      const target = snapshot.get(link.code);
      if (!target) {
        problems.push({ file: source.file, line: link.line, field: 'link', message: `${link.code} would not be in edition ${name} (repealed, left out or not approved): a broken link` });
      } else if (link.anchor && !target.source.clauses.some((c) => c.anchor === link.anchor)) {
        problems.push({ file: source.file, line: link.line, field: 'link', message: `${link.code} in edition ${name} has no clause #${link.anchor}` });
      }
    }
  }
}

/** `content/editions.yml` with the new entry appended, comments and formatting kept. */
function editionsFileWith(siteDir: string, raw: RawEntry): string {
  const file = path.join(siteDir, EDITIONS_FILE);
  const doc: Document = existsSync(file)
    ? parseDocument(readFileSync(file, 'utf8'))
    : parseDocument('# Published editions of the regulations (ویرایش‌های منتشرشده مقررات), oldest first.\n# Schema: src/content/schemas/edition.ts.\n[]\n');
  if (!isSeq(doc.contents)) throw new Error(`${EDITIONS_FILE} is not a list`);
  const entry = doc.createNode({ ...raw, summary: raw.summary.trim() });
  (entry.getIn(['notification', 'number'], true) as Scalar).type = Scalar.QUOTE_DOUBLE;
  doc.contents.flow = false;
  doc.contents.add(entry);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export interface PublishOptions {
  readonly log?: (line: string) => void;
  /** Progress hook, called before each path is moved into place. */
  readonly onMove?: (relPath: string) => void;
}

export interface PublishResult {
  readonly plan: PublishPlan;
  readonly written: readonly string[];
  readonly corpus: Corpus;
}

/** Plans and, when the plan is clean, publishes; throws PublishRefused (nothing changed) otherwise. */
export function publishEdition(siteDir: string, request: PublishRequest, { log = () => {}, onMove }: PublishOptions = {}): PublishResult {
  const { plan, problems } = planPublication(siteDir, request);
  if (!plan) throw new PublishRefused(problems);
  const snapshotTexts = [...plan.snapshot.values()];
  let corpus: Corpus | undefined;
  const written = stagedWrite(
    siteDir,
    { files: plan.files, generated: [editionDocsDir(plan.name), editionSidebarsFile(plan.name)] },
    {
      mirror: MIRRORED,
      fill(stagedSite) {
        for (const text of snapshotTexts) writeFileIn(stagedSite, text.file, text.content);
        writeEditionSidebars(stagedSite, plan.name, plan.taxonomy, snapshotTexts.map((t) => t.source));
      },
      check(stagedSite) {
        log('Validating the site as it will be …');
        const found = publishedSiteProblems(loadCorpus(stagedSite), plan);
        if (found.length) throw new PublishRefused(found);
      },
      verify(dir) {
        corpus = loadCorpus(dir);
        const found = publishedSiteProblems(corpus, plan);
        if (found.length) throw new PublishRefused(found);
      },
      onMove(rel) {
        onMove?.(rel);
        log(`  ${rel}`);
      },
    },
  );
  return { plan, written, corpus: corpus! };
}

/** The published site must validate and hold exactly the planned snapshot. */
function publishedSiteProblems(corpus: Corpus, plan: PublishPlan): PublishProblem[] {
  const found: PublishProblem[] = [...corpus.problems];
  const edition = corpus.editions.find((e) => e.name === plan.name);
  if (!edition) found.push({ option: '--name', message: `edition ${plan.name} is missing from the published site` });
  else if ([...edition.regulations.keys()].sort().join() !== [...plan.snapshot.keys()].sort().join()) {
    found.push({ option: '--name', message: `edition ${plan.name} does not hold the planned texts` });
  }
  return found;
}

function writeFileIn(root: string, rel: string, content: string) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), content);
}

/** A one-paragraph account of a plan, for the CLI. */
export function describePlan(plan: PublishPlan): string[] {
  const { changes } = plan;
  const list = (codes: readonly string[]) => (codes.length ? codes.join(', ') : '—');
  const unchanged = [...plan.snapshot.values()].filter((t) => t.change === 'unchanged' || t.change === 'carried-over').length;
  return [
    `Edition ${plan.name}: effective ${formatJalaliIso(plan.effective)}, notification ${plan.notification.number} of ${formatJalaliIso(plan.notification.date)}${plan.previous ? `, after ${plan.previous}` : ' (the first edition)'}.`,
    `  ${plan.snapshot.size} texts: added ${list(changes.added)}; amended ${list(changes.amended)}; ${unchanged} unchanged.`,
    `  repealed ${list(changes.repealed)}; superseded ${changes.superseded.size ? [...changes.superseded].map(([old, by]) => `${old} by ${by.join(' and ')}`).join(', ') : '—'}.`,
    ...(plan.leftOut.length ? [`  left out (stay in docs/): ${plan.leftOut.join(', ')}`] : []),
    ...plan.notes.map((n) => `  note: ${n}`),
  ];
}
