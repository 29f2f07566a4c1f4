/**
 * Bundles the editors' Keystatic (src/keystatic/ui/main.tsx) into `<outDir>/.keystatic/`: one
 * hashed ES module, its CSS, the self-hosted Vazirmatn and an index.html the server sends for
 * every `/keystatic/*` page. A separate bundle rather than a Docusaurus route: Keystatic is a
 * single-page app with its own router and a large dependency graph that no reader's build
 * should carry or rebuild, and it bundles in seconds when its config changes
 * (server/editorial/README.md says more).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { KEYSTATIC_UI_BASE, KEYSTATIC_UI_DIR } from '../../src/keystatic/ui/paths';
import { precompressDir } from './precompress';

/** Keystatic's UI links Google's Inter; this is the only external request it makes. */
const GOOGLE_FONTS = 'https://fonts.googleapis.com/css2?family=Inter:wght@400;500;600;700&display=swap';

/** Points Keystatic's font link at Ayin's own font sheet; fails loudly if Keystatic changed. */
const selfHostedFonts: Plugin = {
  name: 'ayin-self-hosted-fonts',
  setup(b) {
    b.onLoad({ filter: /@keystatic[\\/]core[\\/]dist[\\/]keystatic-core-ui\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(GOOGLE_FONTS)) throw new Error(`${args.path}: Keystatic's Google Fonts link not found; check what its UI loads from outside`);
      return { contents: source.split(GOOGLE_FONTS).join(`${KEYSTATIC_UI_BASE}/fonts.css`), loader: 'js' };
    });
  },
};

export function keystaticIndexHtml(script: string, css: readonly string[]): string {
  const links = css.map((file) => `<link rel="stylesheet" href="${KEYSTATIC_UI_BASE}/${file}">`).join('');
  return (
    '<!doctype html><html lang="fa-IR" dir="rtl"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>آیین — ویرایش محتوا</title><link rel="stylesheet" href="${KEYSTATIC_UI_BASE}/fonts.css">${links}` +
    `<script type="module" src="${KEYSTATIC_UI_BASE}/${script}"></script></head>` +
    '<body><div id="keystatic"></div></body></html>\n'
  );
}

export async function buildKeystaticUi({ siteDir, outDir }: { siteDir: string; outDir: string }): Promise<{ dir: string; bytes: number }> {
  const dir = path.join(outDir, KEYSTATIC_UI_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await build({
    absWorkingDir: siteDir,
    entryPoints: [path.join(siteDir, 'src/keystatic/ui/main.tsx')],
    bundle: true,
    splitting: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    entryNames: 'keystatic-[hash]',
    outdir: dir,
    metafile: true,
    logLevel: 'warning',
    plugins: [selfHostedFonts],
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const script = outputs.find((file) => file.endsWith('.js'));
  if (!script) throw new Error('Keystatic UI bundle: esbuild wrote no script');
  const fonts = path.join(siteDir, 'node_modules/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2');
  copyFileSync(fonts, path.join(dir, 'Vazirmatn-Variable.woff2'));
  copyFileSync(path.join(siteDir, 'src/keystatic/ui/fonts.css'), path.join(dir, 'fonts.css'));
  writeFileSync(path.join(dir, 'index.html'), keystaticIndexHtml(script, outputs.filter((file) => file.endsWith('.css'))));
  // Compressed once here: the server must not brotli a 3 MB script on every request.
  precompressDir(dir);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { dir, bytes };
}
