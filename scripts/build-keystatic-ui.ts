/** `npx tsx scripts/build-keystatic-ui.ts [out-dir]`: the editors' Keystatic bundle alone (build/.keystatic/). */
import path from 'node:path';
import { buildKeystaticUi } from './lib/keystatic-ui';

const siteDir = path.resolve(__dirname, '..');
const outDir = path.resolve(process.argv[2] ?? path.join(siteDir, 'build'));
buildKeystaticUi({ siteDir, outDir })
  .then(({ dir, bytes }) => console.log(`Keystatic UI → ${path.relative(siteDir, dir)} (${(bytes / 1024).toFixed(0)} KB)`))
  .catch((error: unknown) => {
    console.error(`Keystatic UI build failed: ${(error as Error).message}`);
    process.exit(1);
  });
