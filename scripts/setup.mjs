// Checks, after `npm install`, that what npm 11 may have skipped (install scripts) is not
// needed or is in place, and says how to fix it when not. Plain JS: runs before tsx exists.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const problems = [];

function check(name, test, fix) {
  try {
    if (!test()) problems.push(`${name}: ${fix}`);
  } catch (error) {
    problems.push(`${name}: ${fix} (${error.message.split('\n')[0]})`);
  }
}

// Docusaurus "faster" uses native Rspack/SWC binaries shipped as optional dependencies.
check('@rspack/core native binding', () => require('@rspack/core') && true, 'run "npm install" again; the optional native package is missing');
check('@swc/core native binding', () => typeof require('@swc/core').transformSync === 'function', 'run "npm install" again; the optional native package is missing');
check('esbuild (used by tsx)', () => require('esbuild').transformSync('let a = 1').code.length > 0, 'run "npm rebuild esbuild"');
// better-sqlite3 is compiled by its install script; npm 11 may hold install scripts back.
check('better-sqlite3 native module', () => {
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  db.close();
  return true;
}, 'run "npm rebuild better-sqlite3" (npm may have skipped its install script)');
check('tsx', () => existsSync(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url)), 'run "npm install"');

if (problems.length) {
  console.error('Ayin setup check failed:\n' + problems.map((p) => `  - ${p}`).join('\n'));
  process.exit(1);
}
console.log('Setup check: native modules and binaries are in place.');
