/**
 * Writes an edition's sidebars file (`versioned_sidebars/version-<name>-sidebars.json`) from
 * its snapshot, in the shape `sidebars.ts` gives `docs/` (src/content/sidebars.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Regulation } from '../../../src/content/corpus';
import { editionSidebarsFile } from '../../../src/content/editions';
import type { Taxonomy } from '../../../src/content/schemas/taxonomy';
import { regulationSidebar } from '../../../src/content/sidebars';

export function writeEditionSidebars(siteDir: string, name: string, taxonomy: Taxonomy, regulations: Iterable<Regulation>): string {
  const file = path.join(siteDir, editionSidebarsFile(name));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ regulations: regulationSidebar(taxonomy, regulations) }, null, 2)}\n`);
  return file;
}
