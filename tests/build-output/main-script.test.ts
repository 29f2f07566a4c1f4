/**
 * Every page of every build loads the main script first, so what it carries costs every reader
 * on every page (issue 14: the regulation page's main-thread time on a phone). Re-exporting
 * zod's whole namespace once put all of zod in it, sixty error-message locales included (340 KB
 * of 1.2 MB); src/api/zod-parts.ts names the parts the contract uses instead. The classic
 * theme put Prism there too, for code blocks no page has (plugins/plain-code). This test fails
 * when either is back in any build's main script. A missing build is a failure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_AUDIENCES } from '../../src/content/build-audience';

const root = path.resolve(__dirname, '../..');

/** zod's locale table as the bundler writes it: `r.d(a,{ar:()=>w,…,frCA:()=>F,…,zhTW:()=>eC})`. */
const hasZodLocales = (script: string) => /[{,]frCA:\(\)=>/.test(script) && /[{,]zhTW:\(\)=>/.test(script);

function mainScriptOf(audience: string): string {
  const dir = path.join(root, 'build', audience, 'assets', 'js');
  if (!existsSync(dir)) throw new Error(`build/${audience} is missing: run npm run build first`);
  const main = readdirSync(dir).find((f) => /^main\.[\da-f]+\.js$/.test(f));
  if (!main) throw new Error(`build/${audience}/assets/js has no main.<hash>.js`);
  return readFileSync(path.join(dir, main), 'utf8');
}

describe('the main script of every build', () => {
  it('recognises the locale table in the form the bundler wrote it', () => {
    expect(hasZodLocales('r.r(a),r.d(a,{ar:()=>w,az:()=>k,frCA:()=>F,he:()=>M,zhCN:()=>eO,zhTW:()=>eC});')).toBe(true);
    expect(hasZodLocales('r.d(n,{z:()=>f});let i={frCA:"x"}')).toBe(false);
  });

  it.each(BUILD_AUDIENCES)('%s: carries zod without its sixty locales, and no Prism', (audience) => {
    const script = mainScriptOf(audience);
    // The contract is there (the browser parses every answer with it) ...
    expect(script).toContain('$ZodObject');
    // ... but not the error messages of languages nobody reads here.
    expect(hasZodLocales(script)).toBe(false);
    // Prism's core names itself in its own code (`Prism.manual`, `Prism.util`…).
    expect(script).not.toMatch(/\bPrism\b/);
  });
});
