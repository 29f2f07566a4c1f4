/**
 * `npm run build [-- --audience staff] [-- --parallel 2] [out-dir]`: validate, build (once per
 * audience, `--parallel` at a time; default 2) and precompress the site into build/<audience>/.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILD_AUDIENCES, isBuildAudience } from '../src/content/build-audience';
import { ContentError } from '../src/content/problems';
import { buildSite, DEFAULT_PARALLEL_BUILDS } from './lib/site-build';

const { values, positionals } = parseArgs({ options: { audience: { type: 'string', multiple: true }, parallel: { type: 'string', default: String(DEFAULT_PARALLEL_BUILDS) } }, allowPositionals: true });
const audiences = values.audience ?? [...BUILD_AUDIENCES];
const unknown = audiences.find((a) => !isBuildAudience(a));
if (unknown) {
  console.error(`Unknown audience "${unknown}"; expected one of: ${BUILD_AUDIENCES.join(', ')}`);
  process.exit(2);
}
const parallel = Number(values.parallel);
if (!Number.isInteger(parallel) || parallel < 1) {
  console.error(`--parallel must be a whole number ≥ 1, got "${values.parallel}"`);
  process.exit(2);
}

buildSite({
  siteDir: path.resolve(__dirname, '..'),
  outDir: positionals[0] && path.resolve(positionals[0]),
  audiences: audiences.filter(isBuildAudience),
  parallel,
}).catch((error: unknown) => {
  console.error(error instanceof ContentError ? error.message : `Build failed: ${(error as Error).message}`);
  process.exit(1);
});
