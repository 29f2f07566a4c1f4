/**
 * `npm run content:normalise [-- --check] [--root DIR]`: rewrites every entry of every Keystatic
 * collection exactly as Keystatic's first save of it, untouched, would write it, so that the
 * first real save changes only what the editor changed (src/keystatic/round-trip.ts).
 *
 * A rewrite that would lose something (a key the zod schema reads differently, an MDX body that
 * parses to another tree) or an entry Keystatic cannot open is refused and named; the others
 * are written, then the whole content is validated again. `--check` writes nothing and exits 1
 * listing every file a first save would change.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/content/corpus';
import { notNormalised, roundTripAll } from '../src/keystatic/round-trip';
import { loadKeystaticInternals } from './lib/keystatic-internals';

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const rootAt = argv.indexOf('--root');
  const unknown = argv.filter((a, i) => !['--check', '--root'].includes(a) && !(rootAt >= 0 && i === rootAt + 1));
  if (unknown.length) {
    console.error(`normalise-content: unknown option ${unknown[0]} (use --check, --root DIR)`);
    return 2;
  }
  const root = path.resolve(rootAt >= 0 ? argv[rootAt + 1]! : path.resolve(__dirname, '..'));
  const ks = await loadKeystaticInternals(path.resolve(__dirname, '..'));
  const results = roundTripAll(ks, root);
  const changed = notNormalised(results);
  let refused = 0;
  let written = 0;
  for (const r of changed) {
    if (r.error) {
      refused++;
      console.error(`${r.path}: Keystatic cannot open this entry, so it cannot be saved: ${r.error}`);
    } else if (r.losses.length || r.otherFiles.length) {
      refused++;
      for (const loss of r.losses) console.error(`${r.path}: ${loss}`);
      for (const other of r.otherFiles) console.error(`${r.path}: a save would also write ${other}`);
    } else if (check) {
      console.error(`${r.path}: a first Keystatic save would rewrite this file`);
    } else {
      writeFileSync(path.join(root, r.path), r.after);
      written++;
      for (const comment of r.droppedComments) console.log(`${r.path}: dropped YAML comment (Keystatic writes none): ${comment}`);
    }
  }
  const unchanged = results.length - changed.length;
  if (check) {
    console.log(`${results.length} entries: ${unchanged} as Keystatic saves them, ${changed.length} not (${refused} of them cannot be normalised)`);
    return changed.length ? 1 : 0;
  }
  console.log(`${results.length} entries: ${written} rewritten, ${unchanged} already as Keystatic saves them, ${refused} refused`);
  if (written) {
    const problems = loadCorpus(root).problems;
    for (const p of problems) console.error(`${p.file}:${p.line}: ${p.field}: ${p.message}`);
    if (problems.length) {
      console.error('normalise-content: the rewritten content does not validate; restore it with git checkout');
      return 1;
    }
  }
  return refused ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`normalise-content: ${(error as Error).message}`);
    process.exit(1);
  },
);
