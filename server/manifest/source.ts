/**
 * The server's view of the manifest the build wrote: loaded and validated at start, and
 * reloaded when a new build is swapped in. The file is looked at (one `stat`) at most every
 * `checkEveryMs` when asked for; a changed modification time or size is read and validated
 * again. A new file that does not validate is refused — the server keeps answering from the one
 * it has and says why — so a bad deploy never leaves it with half a catalog. `reload()` does
 * the same at once (after `edition:publish` and a build, or from a test).
 */
import { readFileSync, statSync } from 'node:fs';
import type * as z from 'zod';
import { serverManifestSchema, type ServerManifest } from './schema';

export interface ManifestSource {
  /** The manifest in force (reloaded first when the file changed and the check is due). */
  current(): ServerManifest;
  /** Reads the file now; true when a new manifest was taken. */
  reload(): boolean;
  readonly file: string;
}

export interface ManifestSourceOptions {
  /** How often the file may be looked at (default 1 s): a stat per request would be wasteful. */
  readonly checkEveryMs?: number;
  readonly now?: () => number;
  /** Told when a changed file is refused (it keeps the manifest it has). */
  readonly onRefused?: (error: Error) => void;
  /** Told when a new manifest is taken. */
  readonly onReloaded?: (manifest: ServerManifest) => void;
}

export class ManifestError extends Error {}

/** Reads and validates a manifest file; errors name the file and the field. */
export function readServerManifest(file: string): ServerManifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ManifestError(code === 'ENOENT' ? `${file}: missing; the server reads the build's private manifest: run npm run build` : `${file}: cannot be read (${code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = serverManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ManifestError(`${file}: not a valid server manifest: ${issues.join('; ')}`);
  }
  return parsed.data;
}

const signatureOf = (file: string): string | undefined => {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return undefined;
  }
};

/** Loads `file` now (throws when it is missing or invalid: the server must not start without it). */
export function openManifestSource(file: string, options: ManifestSourceOptions = {}): ManifestSource {
  const { checkEveryMs = 1000, now = Date.now } = options;
  let signature = signatureOf(file);
  let manifest = readServerManifest(file);
  let checkedAt = now();

  function reload(): boolean {
    checkedAt = now();
    const seen = signatureOf(file);
    if (seen === undefined || seen === signature) return false;
    try {
      manifest = readServerManifest(file);
      signature = seen;
      options.onReloaded?.(manifest);
      return true;
    } catch (error) {
      // Remember the refused file, so it is reported once, not on every check.
      signature = seen;
      options.onRefused?.(error as Error);
      return false;
    }
  }

  return {
    file,
    reload,
    current() {
      if (now() - checkedAt >= checkEveryMs) reload();
      return manifest;
    },
  };
}

/** A fixed manifest (tests, tools): never reloads. */
// Its input form: fields with defaults (a newer manifest's `stale`) may be left out.
export function staticManifestSource(manifest: z.input<typeof serverManifestSchema>): ManifestSource {
  const valid = serverManifestSchema.parse(manifest);
  return { file: '(in memory)', current: () => valid, reload: () => false };
}

/** A manifest of a build with no courses, seminars, editions or regulations (tests of other parts). */
export function emptyManifestSource(builtAt = new Date()): ManifestSource {
  return staticManifestSource({ version: 1, builtAt: builtAt.toISOString(), courses: [], seminars: [], editions: [], regulations: [], announcements: [] });
}
