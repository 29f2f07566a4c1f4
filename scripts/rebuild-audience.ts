/**
 * One audience's rebuild after a publication, run by the server as a child process
 * (server/editorial/rebuild-child.ts): validate the content, build into staging and move into
 * place, then write the server's manifest (new editions) for the server to reload on the swap.
 * Errors are English and name the place; the exit code says whether the build is in place.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isBuildAudience } from '../src/content/build-audience';
import { ContentError } from '../src/content/problems';
import { buildAudienceSite, validateContent, writeManifestOf } from './lib/site-build';

const { values } = parseArgs({ options: { 'site-dir': { type: 'string' }, 'out-dir': { type: 'string' }, audience: { type: 'string' } } });
const siteDir = path.resolve(values['site-dir'] ?? '.');
const outDir = path.resolve(values['out-dir'] ?? path.join(siteDir, 'build'));
const audience = values.audience ?? '';

async function main() {
  if (!isBuildAudience(audience)) throw new Error(`--audience: unknown audience "${audience}"`);
  const corpus = validateContent(siteDir);
  const sourcesAt = Date.now();
  await buildAudienceSite({ siteDir, outDir, audience, corpus, sourcesAt });
  writeManifestOf(corpus, outDir, siteDir);
}

main().catch((error: unknown) => {
  console.error(error instanceof ContentError ? error.message : `rebuild of ${audience} failed: ${(error as Error).message}`);
  process.exit(1);
});
