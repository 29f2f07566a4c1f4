/** The CSP's script hashes, read from built HTML: which scripts count, and what the browser hashes. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { readConfig } from '../config';
import { inlineScriptHashesOf, inlineScriptHashesOfSite } from '../inline-script-hashes';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const THEME = '!function(){document.documentElement.setAttribute("data-theme","light")}()';

describe('inline script hashes', () => {
  it('hashes executable inline scripts exactly as written, and nothing else', () => {
    const html = `<html><head><script>${THEME}</script><script data-rh=true type=application/ld+json>{"@type":"x"}</script>
      <script src="/assets/js/main.js"></script><script type="module"> import("/x.js") </script><script type='text/plain'>not code</script></head></html>`;
    expect(inlineScriptHashesOf(html)).toEqual([sha(THEME), sha(' import("/x.js") ')]);
  });

  it('collects the distinct hashes of every build, and the server puts them in script-src without unsafe-inline', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'ayin-csp-'));
    try {
      for (const build of ['public', 'contractor', 'staff', 'editor']) {
        mkdirSync(path.join(site, build, 'regulations'), { recursive: true });
        writeFileSync(path.join(site, build, 'index.html'), `<!doctype html><script>${THEME}</script><script>banner()</script>`);
        writeFileSync(path.join(site, build, 'regulations', 'a.html'), `<!doctype html><script>${THEME}</script>`);
      }
      expect(await inlineScriptHashesOfSite(site)).toEqual([sha(THEME), sha('banner()')].sort());
      const app = await buildServer({ ...readConfig({}, site), siteDir: site, logLevel: 'silent' });
      try {
        const csp = (await app.inject({ url: '/' })).headers['content-security-policy'] as string;
        expect(csp).toContain(`script-src 'self' ${[sha(THEME), sha('banner()')].sort().join(' ')};`);
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(csp).toContain("script-src-attr 'none'");
        // Styles keep 'unsafe-inline' (server-rendered style attributes): see server/security.ts.
        expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      } finally {
        await app.close();
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('an empty site allows no inline script at all', async () => {
    expect(await inlineScriptHashesOfSite('/nonexistent')).toEqual([]);
  });
});
