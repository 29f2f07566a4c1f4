/**
 * `npm run edition:publish` on copies of the `editions` fixture site (two published editions,
 * docs/ with an amendment, an addition, a repeal and a supersession): the round trip ends in a
 * valid site that Docusaurus builds; every refusal leaves the site byte for byte as it was.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCorpus } from '../../src/content/corpus';
import { splitMarkdown } from '../../src/content/front-matter';
import { makeFixtureSite, fixturesDir, repoRoot, type FixtureSite } from '../../tests/support/fixture-site';
import { startLocalMeili } from '../../server/search/local-meili';
import { meiliClient } from '../../server/search/meili-client';
import { withPublicationDates } from '../lib/editions/front-matter-edit';
import { formatPublishProblem, publishEdition, PublishRefused, type PublishRequest } from '../lib/editions/publish';

const NEW = {
  name: '1405-10',
  effective: '1405/10/01',
  notificationNumber: '۱۴۰۵/ت/۹',
  notificationDate: '1405/09/05',
  summary: 'اصلاح ماده ۲ دستورالعمل فروش انشعاب و جایگزینی بخشنامه جریمه دیرکرد.',
} satisfies PublishRequest;
const ANNOUNCEMENT = 'announcements/1405-09-05-edition-1405-10.mdx';

/** The fixture's content plus its editions (the fixture helper copies content folders only). */
function editionsSite(): FixtureSite {
  const site = makeFixtureSite('editions');
  for (const name of ['versioned_docs', 'versioned_sidebars', 'versions.json']) {
    cpSync(path.join(fixturesDir, 'editions', name), path.join(site.dir, name), { recursive: true });
  }
  return site;
}

/** Every path (folders too) and every file's bytes, symlinked code aside. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = path.join(rel, name);
      const stat = lstatSync(path.join(dir, child));
      if (stat.isSymbolicLink()) continue;
      hash.update(`${child}\0`);
      if (stat.isDirectory()) walk(child);
      else hash.update(readFileSync(path.join(dir, child)));
    }
  };
  walk('.');
  return hash.digest('hex');
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as an editor runs it; no search configured (an empty data folder). */
function cli(site: FixtureSite, args: string[], search: NodeJS.ProcessEnv = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, AYIN_DATA_DIR: path.join(site.dir, 'no-data') };
  delete env.MEILI_HOST;
  Object.assign(env, search);
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'scripts/edition-publish.ts'), '--site', site.dir, ...args], { env, cwd: repoRoot }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const cliArgs = (request: PublishRequest) => [
  ...(request.name ? ['--name', request.name] : []),
  '--effective', request.effective,
  '--notification', request.notificationNumber,
  '--notification-date', request.notificationDate,
  '--summary', request.summary,
  ...(request.leaveOut ?? []).flatMap((code) => ['--leave-out', code]),
];

const read = (site: FixtureSite, rel: string) => readFileSync(path.join(site.dir, rel), 'utf8');
const edit = (site: FixtureSite, rel: string, change: (text: string) => string) => writeFileSync(path.join(site.dir, rel), change(read(site, rel)));
const frontMatterOf = (site: FixtureSite, rel: string) => splitMarkdown(rel, read(site, rel)).frontMatter.data as Record<string, unknown>;

describe('edition:publish round trip', () => {
  let site: FixtureSite;
  let run: Run;
  let editionsBefore: string;

  beforeAll(async () => {
    site = editionsSite();
    editionsBefore = read(site, 'content/editions.yml');
    run = await cli(site, cliArgs(NEW));
  });
  afterAll(() => site.remove());

  it('publishes and says what it did', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Edition 1405-10: effective 1405/10/01, notification ۱۴۰۵/ت/۹ of 1405/09/05, after 1404-09.');
    expect(run.stdout).toContain('added ES-004; amended CS-001; 1 unchanged.');
    expect(run.stdout).toContain('repealed ES-002; superseded ES-003 by ES-004.');
    expect(run.stdout).toContain('Search: no MEILI_HOST and the bundled Meilisearch is not running');
    expect(readdirSync(site.dir).filter((name) => name.startsWith('.edition-publish-'))).toEqual([]);
  });

  it('leaves a site whose content is valid, with the new edition last', () => {
    const corpus = loadCorpus(site.dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.editions.map((e) => e.name)).toEqual(['1403-07', '1404-09', '1405-10']);
    expect([...corpus.editions[2]!.regulations.keys()].sort()).toEqual(['CS-001', 'ES-001', 'ES-004']);
  });

  it('snapshots docs/: every approved text byte for byte, nothing else', () => {
    const snapshot = 'versioned_docs/version-1405-10';
    for (const rel of ['connection-sales/cs-001.mdx', 'energy-sales/es-001.mdx', 'energy-sales/es-004.mdx']) {
      expect(read(site, `${snapshot}/${rel}`)).toBe(read(site, `docs/${rel}`));
    }
    expect(existsSync(path.join(site.dir, snapshot, 'energy-sales/es-002.mdx'))).toBe(false);
    expect(existsSync(path.join(site.dir, snapshot, 'energy-sales/es-003.mdx'))).toBe(false);
    const sidebars = JSON.parse(read(site, 'versioned_sidebars/version-1405-10-sidebars.json'));
    expect(sidebars.regulations.map((c: { link: { slug: string } }) => c.link.slug)).toEqual(['/connection-sales', '/energy-sales']);
  });

  it('dates the added and amended texts from the edition, and only them', () => {
    for (const rel of ['docs/connection-sales/cs-001.mdx', 'docs/energy-sales/es-004.mdx']) {
      expect(frontMatterOf(site, rel)).toMatchObject({ inForceFrom: '1405/10/01', notification: { number: '۱۴۰۵/ت/۹', date: '1405/09/05' } });
    }
    // ES-001 changed its keywords only: not an amendment.
    expect(frontMatterOf(site, 'docs/energy-sales/es-001.mdx')).toMatchObject({ inForceFrom: '1403/07/01', keywords: ['صورتحساب', 'قبض'] });
    // The rest of the front matter is as the editor wrote it.
    expect(read(site, 'docs/connection-sales/cs-001.mdx')).toContain('audience: [staff, contractor]\nstatus: approved\ninForceFrom: 1405/10/01\nnotification:\n  number: "۱۴۰۵/ت/۹"\n  date: 1405/09/05\nsample: true\n---\n');
  });

  it('appends to content/editions.yml keeping its comments, and lists the edition in versions.json', () => {
    const text = read(site, 'content/editions.yml');
    expect(text.startsWith(editionsBefore)).toBe(true);
    expect(parseYaml(text).at(-1)).toEqual({ name: '1405-10', effective: '1405/10/01', notification: { number: '۱۴۰۵/ت/۹', date: '1405/09/05' }, summary: NEW.summary });
    expect(JSON.parse(read(site, 'versions.json'))).toEqual(['1405-10', '1404-09', '1403-07']);
  });

  it('writes a valid announcement listing every change', () => {
    const corpus = loadCorpus(site.dir);
    const entry = corpus.announcements.find((a) => a.file === ANNOUNCEMENT);
    expect(entry).toBeDefined();
    expect(entry!.announcement).toMatchObject({ notification: '۱۴۰۵/ت/۹', regulations: ['CS-001', 'ES-002', 'ES-003', 'ES-004'], audience: ['staff', 'contractor'], sample: true });
    expect(frontMatterOf(site, ANNOUNCEMENT)).toMatchObject({ edition: '1405-10', published: '1405/09/05' });
    const body = read(site, ANNOUNCEMENT);
    expect(body).toContain(`${NEW.summary} ویرایش ۱۴۰۵-۱۰ با ابلاغیه شماره ۱۴۰۵/ت/۹ از ۱ دی ۱۴۰۵ لازم‌الاجراست.\n\n<Truncate />\n\n<EditionChanges edition="1405-10" />`);
    expect(body).toContain('- **افزوده:** [ES-004](reg:ES-004)\n- **اصلاح‌شده:** [CS-001](reg:CS-001)\n- **لغوشده:** [ES-002](reg:ES-002)\n- **جایگزین‌شده:** [ES-003](reg:ES-003) با [ES-004](reg:ES-004)');
  });

  it('refuses to publish the same edition twice, changing nothing', async () => {
    const before = treeHash(site.dir);
    const again = await cli(site, cliArgs(NEW));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Edition not published');
    expect(again.stderr).toContain('--name: duplicate edition name "1405-10"');
    expect(treeHash(site.dir)).toBe(before);
  });

  it('builds with Docusaurus (staff)', () => {
    const out = path.join(site.dir, 'build-staff');
    const build = spawnSync(path.join(site.dir, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', out], {
      cwd: site.dir,
      encoding: 'utf8',
      env: { ...process.env, AYIN_BUILD_AUDIENCE: 'staff', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(output).toContain('[SUCCESS]');
    expect(build.status).toBe(0);
    const html = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
    expect(html('regulations/1405-10/connection-sales/cs-001.html')).toContain('درخواست‌های نیرورسانی روستایی ظرف ۵ روز کاری');
    expect(html('regulations/1405-10/energy-sales/es-004.html')).toContain('بخشنامه آزمایشی جدید جریمه دیرکرد');
    expect(existsSync(path.join(out, 'regulations/1405-10/energy-sales/es-002.html'))).toBe(false);
    expect(html('announcements/1405/09/05/edition-1405-10.html')).toContain('ابلاغ ویرایش ۱۴۰۵-۱۰ مقررات خدمات مشترکین');
  });
});

/** Publishing in-process on a fresh copy after `prepare`: the problems it refused with, and whether the tree changed. */
function refusal(prepare: (site: FixtureSite) => void, request: PublishRequest) {
  const site = editionsSite();
  try {
    prepare(site);
    const before = treeHash(site.dir);
    let problems: string[] = [];
    try {
      publishEdition(site.dir, request);
    } catch (error) {
      if (!(error instanceof PublishRefused)) throw error;
      problems = error.problems.map(formatPublishProblem);
    }
    return { problems, unchanged: treeHash(site.dir) === before };
  } finally {
    site.remove();
  }
}

const NEW_DRAFT = `---
title: پیش‌نویس آزمایشی
code: ES-005
type: circular
authority: company
audience: [staff]
status: draft
inForceFrom: 1405/10/01
sample: true
---

## ماده ۱ – حکم

متن پیش‌نویس.
`;
const addDraft = (site: FixtureSite) => writeFileSync(path.join(site.dir, 'docs/energy-sales/es-005.mdx'), NEW_DRAFT);

describe('edition:publish refuses, changing nothing', () => {
  it.each<[string, (site: FixtureSite) => void, Partial<PublishRequest>, string]>([
    ['a duplicate name', () => {}, { name: '1404-09', effective: '1404/09/01', notificationDate: '1404/08/15' }, '--name: duplicate edition name "1404-09" (already used by entry 2)'],
    ['an effective date before the previous edition', () => {}, { name: '1404-05', effective: '1404/05/01', notificationDate: '1404/04/20' }, "--effective: must be after the previous edition's effective date 1404/09/01 (1404-09)"],
    ['a name that is not the effective month', () => {}, { name: '1405-11' }, "--name: must be the effective date's year and month: 1405-10 (effective 1405/10/01)"],
    ['a notification after the effective date', () => {}, { notificationDate: '1405/10/02' }, '--notification-date: a regulation cannot take effect before it is notified: 1405/10/02 is after the effective date 1405/10/01'],
    ['an impossible date', () => {}, { effective: '1405/12/30', name: '1405-12' }, '--effective: 1405/12/30 is not a real Jalali date (1405 is not a leap year)'],
    ['an unapproved amendment', (site) => edit(site, 'docs/connection-sales/cs-001.mdx', (t) => t.replace('status: approved', 'status: review')), {}, 'docs/connection-sales/cs-001.mdx:7: status: changed text is "review"; only approved texts can be published (or pass --leave-out CS-001 to publish without it)'],
    ['an unapproved new text', addDraft, {}, 'docs/energy-sales/es-005.mdx:7: status: new text is "draft"; only approved texts can be published (or pass --leave-out ES-005 to publish without it)'],
    [
      'a link to a text left out of the edition',
      (site) => {
        addDraft(site);
        edit(site, 'docs/connection-sales/cs-001.mdx', (t) => t.replace('ماده دو.', 'ماده دو؛ نیز [پیش‌نویس](reg:ES-005).'));
      },
      { leaveOut: ['ES-005'] },
      'docs/connection-sales/cs-001.mdx:34: link: ES-005 would not be in edition 1405-10 (repealed, left out or not approved): a broken link',
    ],
    ['a link to a repealed text', (site) => edit(site, 'docs/energy-sales/es-001.mdx', (t) => `${t}\nنیز [بخشنامه تقسیط](reg:ES-002).\n`), {}, 'docs/energy-sales/es-001.mdx:20: link: ES-002 would not be in edition 1405-10'],
    ['invalid content', (site) => edit(site, 'docs/energy-sales/es-001.mdx', (t) => t.replace('inForceFrom: 1403/07/01', 'inForceFrom: 1404/12/30')), {}, 'docs/energy-sales/es-001.mdx:8: inForceFrom: 1404/12/30 is not a real Jalali date (1404 is not a leap year)'],
    ['a superseded text still in force', (site) => edit(site, 'docs/energy-sales/es-004.mdx', (t) => t.replace('supersedes: [ES-003]', 'supersedes: [ES-003, ES-001]')), {}, 'docs/energy-sales/es-004.mdx:12: supersedes.1: ES-001 is superseded by ES-004 but would stay in force in 1405-10'],
    ['a left-out code that is not in docs/', () => {}, { leaveOut: ['CS-099'] }, '--leave-out: no regulation CS-099 in docs/'],
    [
      'nothing changed',
      (site) => {
        for (const dir of ['connection-sales', 'energy-sales']) rmSync(path.join(site.dir, 'docs', dir), { recursive: true });
        cpSync(path.join(site.dir, 'versioned_docs/version-1404-09'), path.join(site.dir, 'docs'), { recursive: true });
      },
      {},
      'docs/: nothing to publish: no text in docs/ changed since edition 1404-09',
    ],
  ])('%s', (_, prepare, override, message) => {
    const { problems, unchanged } = refusal(prepare, { ...NEW, ...override });
    expect(problems.join('\n')).toContain(message);
    expect(unchanged).toBe(true);
  });

  it('prints every problem and exits 1 from the CLI', async () => {
    const site = editionsSite();
    try {
      addDraft(site);
      const before = treeHash(site.dir);
      const run = await cli(site, cliArgs({ ...NEW, effective: '1404/05/01', name: '1404-05', notificationDate: '1404/04/20' }));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Edition not published: 2 problems; nothing was changed.');
      expect(run.stderr).toContain('--effective: must be after the previous edition');
      expect(run.stderr).toContain('docs/energy-sales/es-005.mdx:7: status: new text is "draft"');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(treeHash(site.dir)).toBe(before);
    } finally {
      site.remove();
    }
  });

  it('puts everything back when a write fails half-way', () => {
    const site = editionsSite();
    try {
      const before = treeHash(site.dir);
      const moved: string[] = [];
      expect(() =>
        publishEdition(site.dir, NEW, {
          onMove(rel) {
            // The announcement is moved last: by then the snapshot, docs/ and the lists are in place.
            if (rel === ANNOUNCEMENT) throw new Error('disk full');
            moved.push(rel);
          },
        }),
      ).toThrow('disk full');
      expect(moved).toEqual(expect.arrayContaining(['versioned_docs/version-1405-10', 'docs/connection-sales/cs-001.mdx', 'content/editions.yml', 'versions.json']));
      expect(treeHash(site.dir)).toBe(before);
      expect(readdirSync(site.dir).filter((name) => name.startsWith('.edition-publish-'))).toEqual([]);
    } finally {
      site.remove();
    }
  });
});

describe('edition:publish --leave-out', () => {
  it('publishes without a new draft and keeps the published wording of an amendment under review', () => {
    const site = editionsSite();
    try {
      addDraft(site);
      edit(site, 'docs/connection-sales/cs-001.mdx', (t) => t.replace('status: approved', 'status: review'));
      const draft = read(site, 'docs/connection-sales/cs-001.mdx');
      const { plan } = publishEdition(site.dir, { ...NEW, leaveOut: ['ES-005', 'CS-001'] });
      expect(plan.changes).toMatchObject({ added: ['ES-004'], amended: [], repealed: ['ES-002'] });
      const corpus = loadCorpus(site.dir);
      expect(corpus.problems).toEqual([]);
      expect([...corpus.editions.at(-1)!.regulations.keys()].sort()).toEqual(['CS-001', 'ES-001', 'ES-004']);
      expect(read(site, 'versioned_docs/version-1405-10/connection-sales/cs-001.mdx')).toBe(read(site, 'versioned_docs/version-1404-09/connection-sales/cs-001.mdx'));
      // The drafts wait in docs/ for the next edition, untouched.
      expect(read(site, 'docs/connection-sales/cs-001.mdx')).toBe(draft);
      expect(read(site, 'docs/energy-sales/es-005.mdx')).toBe(NEW_DRAFT);
    } finally {
      site.remove();
    }
  });
});

describe('withPublicationDates', () => {
  it('sets the dates and keeps everything else as written', () => {
    const source = '---\ntitle: متن\n# a comment\ninForceFrom: ۱۴۰۳/۰۷/۰۱\nnotification:\n  number: \'۱۴۰۳/ت/۱\'\n  date: 1403/06/20\nsample: true\n---\n\nبدنه.\n';
    const out = withPublicationDates(source, { inForceFrom: '1405/10/01', notification: { number: '۱۴۰۵/ت/۹', date: '1405/09/05' } });
    expect(out).toBe("---\ntitle: متن\n# a comment\ninForceFrom: 1405/10/01\nnotification:\n  number: '۱۴۰۵/ت/۹'\n  date: 1405/09/05\nsample: true\n---\n\nبدنه.\n");
  });

  it('adds a notification the text did not have', () => {
    const out = withPublicationDates('---\ntitle: متن\ninForceFrom: 1405/10/01\n---\nبدنه\n', { inForceFrom: '1405/10/01', notification: { number: '۱۴۰۵/ت/۹', date: '1405/09/05' } });
    expect(out).toBe('---\ntitle: متن\ninForceFrom: 1405/10/01\nnotification:\n  number: "۱۴۰۵/ت/۹"\n  date: 1405/09/05\n---\nبدنه\n');
  });
});


describe('edition:publish with search configured', () => {
  it('re-indexes Meilisearch: the new edition is searchable at once', async () => {
    const site = editionsSite();
    const meili = await startLocalMeili({ dataDir: path.join(site.dir, 'meili-data') });
    try {
      const run = await cli(site, cliArgs(NEW), { MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Indexed \d+ records/);
      const index = meiliClient({ host: meili.host, apiKey: meili.masterKey }).index('ayin');
      const { hits } = await index.search('', { filter: 'edition = "1405-10"', limit: 100 });
      expect(new Set(hits.map((h) => h.code))).toEqual(new Set(['CS-001', 'ES-001', 'ES-004']));
      const found = await index.search('نیرورسانی روستایی', { filter: 'edition = "1405-10"' });
      expect(found.hits[0]).toMatchObject({ code: 'CS-001', edition: '1405-10' });
    } finally {
      await meili.stop();
      site.remove();
    }
  });
});
