/**
 * The front-matter gate of each build, on a copy of the minimal fixture site: a text outside
 * the build's audience becomes a draft, a site page is left alone, and a content file that
 * names no audience stops the build with its file and line (and fails validation too) instead
 * of being published to every audience.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PARSE_FRONT_MATTER } from '@docusaurus/utils';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/content/corpus';
import { formatProblem } from '../../../src/content/problems';
import { keepToAudience } from '../front-matter';

const minimal = path.resolve(__dirname, '../../../tests/fixtures/sites/minimal');
const sites: string[] = [];

/** A fresh copy of the minimal site, with `edit` applied to one of its files. */
function siteWith(file?: string, edit?: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-audience-'));
  sites.push(dir);
  cpSync(minimal, dir, { recursive: true });
  if (file && edit) writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return dir;
}

afterEach(() => {
  for (const dir of sites.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function parse(siteDir: string, build: Parameters<typeof keepToAudience>[1], file: string, content?: string) {
  const filePath = path.join(siteDir, file);
  const fileContent = content ?? readFileSync(filePath, 'utf8');
  return keepToAudience(siteDir, build)({ filePath, fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER });
}

describe('keepToAudience', () => {
  it('marks a staff-only regulation a draft in the public and contractor builds, and keeps it for staff and editors', async () => {
    const site = siteWith();
    const file = 'docs/energy-sales/es-001.mdx'; // audience: [staff]
    expect((await parse(site, 'public', file)).frontMatter.draft).toBe(true);
    expect((await parse(site, 'contractor', file)).frontMatter.draft).toBe(true);
    expect((await parse(site, 'staff', file)).frontMatter.draft).toBeUndefined();
    expect((await parse(site, 'editor', file)).frontMatter.draft).toBeUndefined();
  });

  it("gives a lesson its course's audience (contractor): a draft for the public only", async () => {
    const site = siteWith();
    const file = 'courses/basics/01-intro.mdx';
    expect((await parse(site, 'public', file)).frontMatter.draft).toBe(true);
    expect((await parse(site, 'contractor', file)).frontMatter.draft).toBeUndefined();
  });

  it('keeps a staff-only regulation out of the public build made from a folder of links to the site (parallel builds)', async () => {
    const site = siteWith();
    const file = 'docs/energy-sales/es-001.mdx'; // audience: [staff]
    // What build/.sites/<audience>/ is: Docusaurus reads the files through the links, while
    // the config may name the real folder (or the other way round).
    const links = mkdtempSync(path.join(tmpdir(), 'ayin-audience-links-'));
    sites.push(links);
    for (const entry of ['docs', 'courses', 'content', 'announcements']) symlinkSync(path.join(site, entry), path.join(links, entry));
    const through = (siteDir: string, filePath: string) =>
      keepToAudience(siteDir, 'public')({ filePath, fileContent: readFileSync(filePath, 'utf8'), defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER });
    expect((await through(site, path.join(links, file))).frontMatter.draft).toBe(true);
    expect((await through(links, path.join(site, file))).frontMatter.draft).toBe(true);
    expect((await through(links, path.join(links, file))).frontMatter.draft).toBe(true);
  });

  it('leaves site pages outside the content folders to every build', async () => {
    const site = siteWith();
    const result = await parse(site, 'public', 'src/pages/about.md', '---\ntitle: درباره\n---\n\nمتن');
    expect(result.frontMatter).toEqual({ title: 'درباره' });
  });

  it('stops the build on a regulation without an audience, naming file:line, and the validator refuses it too', async () => {
    const file = 'docs/energy-sales/es-001.mdx';
    const site = siteWith(file, (text) => text.replace('audience: [staff]\n', ''));
    for (const build of ['public', 'staff'] as const) {
      await expect(parse(site, build, file)).rejects.toThrow(/docs\/energy-sales\/es-001\.mdx:2: audience: name at least one audience/);
    }
    // The validator, which runs first in `npm run validate` and the build, says the same place.
    expect(loadCorpus(site).problems.map(formatProblem)).toContain(`${file}:2: audience: required field is missing`);
  });

  it('refuses an empty audience list at its own line', async () => {
    const file = 'announcements/1404-08-15-test.mdx';
    const site = siteWith(file, (text) => text.replace(/^audience:.*$/m, 'audience: []'));
    const line = readFileSync(path.join(site, file), 'utf8').split('\n').indexOf('audience: []') + 1;
    expect(line).toBeGreaterThan(1);
    await expect(parse(site, 'staff', file)).rejects.toThrow(`${file}:${line}: audience:`);
  });

  it('stops the build on a lesson whose course file is gone (no audience to inherit)', async () => {
    const site = siteWith();
    rmSync(path.join(site, 'content/courses/basics.yml'));
    await expect(parse(site, 'staff', 'courses/basics/01-intro.mdx')).rejects.toThrow(/courses\/basics\/01-intro\.mdx:2: audience: lesson of course "basics"/);
  });
});
