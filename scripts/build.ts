/** `npm run build`: validate, build and precompress the site into build/. */
import path from 'node:path';
import { ContentError } from '../src/content/problems';
import { buildSite } from './lib/site-build';

buildSite({ siteDir: path.resolve(__dirname, '..'), outDir: process.argv[2] && path.resolve(process.argv[2]) }).catch((error: unknown) => {
  console.error(error instanceof ContentError ? error.message : `Build failed: ${(error as Error).message}`);
  process.exit(1);
});
