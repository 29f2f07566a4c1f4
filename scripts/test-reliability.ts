/**
 * `npm run test:reliability [-- --quick] [--only properties|load|...] [--markdown]`
 *
 * Faults and load: the scenarios in `tests/reliability/` (vitest files, and a Playwright spec
 * for the browser's search fallback), each asserting correctness (nothing lost, resumes, falls
 * back) and reporting its figures (times, counts, rates), which are printed here in one table.
 * `--quick` is the bounded run of `npm test`: fewer iterations and learners. Figures are never
 * asserted: two shared cores make times vary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { markdownTable, textTable, type Column } from './lib/bench/table';
import type { Figure } from '../tests/reliability/support/figures';

const root = path.resolve(__dirname, '..');
const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true }, markdown: { type: 'boolean', default: false } },
});
const mode = values.quick ? 'quick' : 'full';
const only = values.only ?? [];
const dir = mkdtempSync(path.join(tmpdir(), 'ayin-reliability-'));
const figuresFile = path.join(dir, 'figures.jsonl');
const env = { ...process.env, AYIN_RELIABILITY_MODE: mode, AYIN_RELIABILITY_FIGURES: figuresFile };

const run = (what: string, command: string, args: string[]): boolean => {
  process.stdout.write(`\n== ${what}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
};

const vitestFiles = only.length ? only.map((name) => `tests/reliability/${name}.test.ts`).filter((f) => existsSync(path.join(root, f))) : [];
const wantBrowser = !only.length || only.includes('search-fallback');
const results: [string, boolean][] = [];
if (!only.length || vitestFiles.length) {
  results.push(['vitest scenarios', run(`Reliability scenarios (${mode}), vitest`, 'npx', ['vitest', 'run', '--config', 'tests/reliability/vitest.config.mts', ...vitestFiles])]);
}
if (wantBrowser) {
  results.push(['browser scenario', run(`Search fallback in the browser (${mode}), Playwright`, 'npx', ['playwright', 'test', '--config', 'tests/reliability/playwright.config.ts'])]);
}

const figures: Figure[] = existsSync(figuresFile)
  ? readFileSync(figuresFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Figure)
  : [];
rmSync(dir, { recursive: true, force: true });
const columns: Column<Figure>[] = [
  { title: 'scenario', value: (f) => f.scenario },
  { title: 'figure', value: (f) => f.figure },
  { title: 'value', value: (f) => (typeof f.value === 'number' ? (Number.isInteger(f.value) ? f.value : f.value.toFixed(1)) : f.value) },
  { title: 'unit', value: (f) => f.unit ?? '' },
];
process.stdout.write(`\n== Figures (${mode} mode)\n${(values.markdown ? markdownTable : textTable)(figures, columns)}\n`);
const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
if (failed.length) {
  console.error(`\nReliability run failed: ${failed.join(', ')}.`);
  process.exit(1);
}
console.log(`\nAll reliability scenarios passed (${mode} mode).`);
