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
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/content/corpus';
import { editionDocsDir, loadEditionEntries } from '../src/content/editions';
import { notNormalised, roundTripAll, type RoundTrip } from '../src/keystatic/round-trip';
import { bodyText } from './lib/editions/front-matter-edit';
import { loadKeystaticInternals } from './lib/keystatic-internals';

/**
 * `edition:publish` counts a regulation as amended when its body text differs from the latest
 * edition's (bodyText, byte for byte). A rewrite that changes only the Markdown's form (a padded
 * table, `*` for `-`) of an unchanged text would make the next edition re-date it as amended:
 * refused, until publishing compares parsed bodies or the snapshot is normalised with it.
 */
function wouldBePublishedAsAmended(root: string, r: RoundTrip): string | null {
  if (!r.path.startsWith('docs/')) return null;
  const editions = loadEditionEntries(root, []);
  const latest = editions.at(-1);
  if (!latest) return null;
  const published = path.join(root, editionDocsDir(latest.name), r.path.slice('docs/'.length));
  if (!existsSync(published)) return null;
  const snapshot = bodyText(readFileSync(published, 'utf8'));
  if (bodyText(r.before) !== snapshot || bodyText(r.after) === snapshot) return null;
  return `body: unchanged since edition ${latest.name}, but Keystatic's form of it differs; edition:publish would count it as amended and re-date it`;
}

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
    } else if (r.losses.length || r.otherFiles.length || wouldBePublishedAsAmended(root, r)) {
      refused++;
      for (const loss of r.losses) console.error(`${r.path}: ${loss}`);
      const amended = r.losses.length ? null : wouldBePublishedAsAmended(root, r);
      if (amended) console.error(`${r.path}: ${amended}`);
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
