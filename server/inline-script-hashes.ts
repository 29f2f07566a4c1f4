/**
 * The sha256 hashes of the inline scripts the built site's pages carry, for the CSP's
 * `script-src` (instead of `'unsafe-inline'`). Docusaurus inlines a few small scripts in
 * every page: the colour-mode script that runs before paint, and the base-URL banner of the
 * home page. Their text is fixed by the build, so the hashes are read from the built HTML
 * itself: whatever the build holds is allowed, and nothing else inline ever runs.
 *
 * Only scripts the browser executes count: `src=` scripts are covered by `'self'`, and data
 * blocks (`application/ld+json`, other non-JavaScript types) are never executed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TYPE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const JAVASCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript', 'application/ecmascript']);

const isExecutable = (attributes: string): boolean => {
  if (/\bsrc\s*=/i.test(attributes)) return false;
  const type = TYPE.exec(attributes);
  return JAVASCRIPT_TYPES.has((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase());
};

/** `'sha256-…'` for each executable inline script of one HTML page. */
export function inlineScriptHashesOf(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    // The browser hashes the script's text exactly as it stands between the tags.
    if (isExecutable(attributes!)) hashes.push(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.isFile() && entry.name.endsWith('.html')) yield full;
  }
}

/** Every distinct hash across the site folder (all audiences' builds), sorted. 705 pages: about 0.2 s. */
export async function inlineScriptHashesOfSite(siteDir: string): Promise<string[]> {
  const hashes = new Set<string>();
  for await (const file of htmlFiles(siteDir)) {
    for (const hash of inlineScriptHashesOf(await readFile(file, 'utf8'))) hashes.add(hash);
  }
  return [...hashes].sort();
}
