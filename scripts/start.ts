/**
 * `npm start`: builds the site when it is missing or older than its sources, then starts the
 * server on the embedded defaults and prints where it is.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../src/content/problems';
import { buildSite } from './lib/site-build';
import { run } from './lib/run';

const root = path.resolve(__dirname, '..');
const SOURCES = ['docs', 'courses', 'announcements', 'content', 'src', 'plugins', 'static', 'docusaurus.config.ts', 'sidebars.ts', 'sidebars-courses.ts'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

async function main() {
  const stamp = path.join(root, 'build', '.ayin-build.json');
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt < sourcesAt) {
    console.log(builtAt ? 'The site is older than its sources: rebuilding.' : 'No built site yet: building it first.');
    await buildSite({ siteDir: root });
  } else {
    console.log('The built site is up to date.');
  }
  await run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/main.ts')]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ContentError ? error.message : (error as Error).message);
  process.exit(1);
});
