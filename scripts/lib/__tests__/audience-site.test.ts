/**
 * The per-audience site folders that let audiences build side by side (build/.sites/<audience>),
 * on a tiny real folder tree: sources copied with their timestamps (the bundler cache checks
 * them), the private generated files and bundler cache kept from one build to the next, a
 * deleted source gone on the next build, no build output copied into itself; and the pool that
 * runs the builds, at most N at once.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audienceSiteDir, prepareAudienceSite } from '../build/audience-site';
import { inPool } from '../site-build';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site() {
  const siteDir = mkdtempSync(path.join(tmpdir(), 'ayin-audience-site-'));
  dirs.push(siteDir);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
    writeFileSync(path.join(siteDir, file), text);
  };
  write('docs/a.mdx', '# الف');
  write('docs/b.mdx', '# ب');
  write('docusaurus.config.ts', 'export default {};');
  write('node_modules/react/index.js', '');
  write('node_modules/.cache/shared', 'main cache');
  write('.git/HEAD', 'ref');
  write('.env', 'SMTP_PASSWORD=x');
  utimesSync(path.join(siteDir, 'docs/a.mdx'), new Date('2026-01-01'), new Date('2026-01-01'));
  return { siteDir, outDir: path.join(siteDir, 'build'), write };
}

describe('prepareAudienceSite', () => {
  it('copies the sources with their timestamps and links the packages, leaving out VCS, secrets, build output and the shared cache', () => {
    const { siteDir, outDir } = site();
    mkdirSync(path.join(outDir, 'public'), { recursive: true });
    const dir = prepareAudienceSite({ siteDir, outDir, audience: 'public' });
    expect(dir).toBe(audienceSiteDir(outDir, 'public'));
    expect(readFileSync(path.join(dir, 'docs/b.mdx'), 'utf8')).toBe('# ب');
    expect(statSync(path.join(dir, 'docs/a.mdx')).mtimeMs).toBe(new Date('2026-01-01').getTime());
    expect(existsSync(path.join(dir, 'node_modules/react/index.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules/.cache'))).toBe(false);
    expect(existsSync(path.join(dir, '.git'))).toBe(false);
    expect(existsSync(path.join(dir, '.env'))).toBe(false);
    expect(existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it("keeps each audience's generated files and bundler cache between builds, and drops a deleted source", () => {
    const { siteDir, outDir } = site();
    const staff = prepareAudienceSite({ siteDir, outDir, audience: 'staff' });
    const contractor = prepareAudienceSite({ siteDir, outDir, audience: 'contractor' });
    expect(staff).not.toBe(contractor);
    mkdirSync(path.join(staff, '.docusaurus'));
    writeFileSync(path.join(staff, '.docusaurus/routes.js'), 'staff routes');
    mkdirSync(path.join(staff, 'node_modules/.cache'));
    writeFileSync(path.join(staff, 'node_modules/.cache/rspack'), 'staff cache');
    rmSync(path.join(siteDir, 'docs/b.mdx'));

    prepareAudienceSite({ siteDir, outDir, audience: 'staff' });
    expect(readFileSync(path.join(staff, '.docusaurus/routes.js'), 'utf8')).toBe('staff routes');
    expect(readFileSync(path.join(staff, 'node_modules/.cache/rspack'), 'utf8')).toBe('staff cache');
    expect(existsSync(path.join(staff, 'docs/b.mdx'))).toBe(false);
    expect(existsSync(path.join(contractor, '.docusaurus'))).toBe(false);
  });
});

describe('inPool', () => {
  it('runs at most `limit` tasks at once, starting them in order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await inPool([0, 1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
    });
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('throws the first failure only after the task under way has ended, and starts no more', async () => {
    const ended: number[] = [];
    const pool = inPool([0, 1, 2, 3], 2, async (item) => {
      if (item === 0) throw new Error('public failed');
      await new Promise((resolve) => setTimeout(resolve, 30));
      ended.push(item);
    });
    await expect(pool).rejects.toThrow('public failed');
    expect(ended).toEqual([1]);
  });
});
