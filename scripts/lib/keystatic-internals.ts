/**
 * Keystatic's own entry parser and serialiser, loaded in Node: the functions its UI runs in the
 * editor's browser to read an entry's files (`parseEntry`) and to write them back on save
 * (`serializeEntryToFiles`). They are not exported, so an esbuild plugin appends an export to
 * that one dist file, and the bundle is made on demand (a few seconds) and loaded with `require`.
 *
 * The browser variants of `@keystatic/core` are bundled (the `.node` ones are stubs without the
 * UI), together with Ayin's content model so its fields come from the same copy; every other
 * package is taken in its Node variant (emotion's browser build touches `document` on load).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { KeystaticInternals } from '../../src/keystatic/round-trip';

/** The release whose internals this file knows; another one must be checked by hand first. */
export const KEYSTATIC_VERSION = '0.6.9';
const INTERNALS = ['parseEntry', 'serializeEntryToFiles', 'getCollectionFormat', 'getCollectionItemPath', 'getSlugFromState'] as const;
const UI_FILE = /@keystatic[\\/]core[\\/]dist[\\/]keystatic-core-ui\.js$/;

function keystaticPackage(siteDir: string) {
  const dir = path.join(siteDir, 'node_modules/@keystatic/core');
  const file = path.join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string; exports: Record<string, { default?: string } | string> };
  if (pkg.version !== KEYSTATIC_VERSION) {
    throw new Error(`${file}: @keystatic/core is ${pkg.version}, scripts/lib/keystatic-internals.ts knows ${KEYSTATIC_VERSION}: check parseEntry and serializeEntryToFiles in its dist/keystatic-core-ui.js, then update KEYSTATIC_VERSION`);
  }
  return { dir, pkg };
}

/** `@keystatic/core` and its subpaths resolved to the files a browser gets. */
function browserKeystatic(dir: string, exportsMap: Record<string, { default?: string } | string>): Plugin {
  return {
    name: 'ayin-keystatic-browser-variant',
    setup(b) {
      b.onResolve({ filter: /^@keystatic\/core(\/.*)?$/ }, (args) => {
        const subpath = `.${args.path.slice('@keystatic/core'.length)}`;
        const target = exportsMap[subpath];
        const file = typeof target === 'string' ? target : target?.default;
        if (!file) throw new Error(`${path.join(dir, 'package.json')}: no browser export for "${subpath}"`);
        return { path: path.join(dir, file) };
      });
    },
  };
}

/** Exports the internal functions from Keystatic's UI file; fails naming the file if one moved. */
const exportInternals: Plugin = {
  name: 'ayin-keystatic-export-internals',
  setup(b) {
    b.onLoad({ filter: UI_FILE }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const declared = (name: string) => new RegExp(`^function ${name}\\(`, 'm').test(source) || new RegExp(`\\b\\w+ as ${name}\\b`).test(source);
      const missing = INTERNALS.filter((name) => !declared(name));
      if (missing.length) throw new Error(`${args.path}: Keystatic's ${missing.join(', ')} not found; its internals moved (scripts/lib/keystatic-internals.ts knows ${KEYSTATIC_VERSION})`);
      return { contents: `${source}\nexport { ${INTERNALS.join(', ')} };\n`, loader: 'js' };
    });
  },
};

/** Bundles and loads Keystatic's parse and serialise functions and Ayin's content model. */
export async function loadKeystaticInternals(siteDir: string): Promise<KeystaticInternals> {
  const { dir, pkg } = keystaticPackage(siteDir);
  const result = await build({
    absWorkingDir: siteDir,
    stdin: {
      contents: `export { ${INTERNALS.join(', ')} } from '@keystatic/core/ui';\nexport { keystaticConfigFor } from './src/keystatic/content-model';\n`,
      resolveDir: siteDir,
      loader: 'ts',
      sourcefile: 'keystatic-internals-entry.ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'empty' },
    plugins: [browserKeystatic(dir, pkg.exports as never), exportInternals],
  });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ayin-keystatic-'));
  const file = path.join(tmp, 'keystatic-internals.cjs');
  try {
    writeFileSync(file, result.outputFiles[0]!.contents);
    const loaded = createRequire(file)(file) as Record<string, unknown>;
    const missing = [...INTERNALS, 'keystaticConfigFor'].filter((name) => typeof loaded[name] !== 'function');
    if (missing.length) throw new Error(`${path.join(dir, 'dist/keystatic-core-ui.js')}: the bundle does not export ${missing.join(', ')}`);
    return loaded as unknown as KeystaticInternals;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
