/**
 * Writes `.br` and `.gz` beside every compressible file of the build, once, at maximum
 * quality, so the server sends compressed bytes without compressing on each request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|css|json|xml|svg|txt|map|webmanifest)$/;
const MIN_BYTES = 1024;

export interface PrecompressStats {
  files: number;
  rawBytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__server') yield* walk(full);
    } else yield full;
  }
}

export function precompressDir(dir: string, onProgress?: (done: number) => void): PrecompressStats {
  const stats: PrecompressStats = { files: 0, rawBytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = gzipSync(raw, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    stats.files += 1;
    stats.rawBytes += raw.length;
    stats.brotliBytes += br.length;
    stats.gzipBytes += gz.length;
    if (stats.files % 100 === 0) onProgress?.(stats.files);
  }
  return stats;
}
