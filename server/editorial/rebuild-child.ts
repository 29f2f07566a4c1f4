/**
 * Runs one audience's rebuild in a child process (`scripts/rebuild-audience.ts`): Docusaurus,
 * the synchronous precompression and the content validation all stay off the server's event
 * loop. The child's output is kept (its tail) to say why a build failed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { BuildAudience } from '../../src/policy/audience';

export interface ChildCommand {
  readonly file: string;
  readonly args: (audience: BuildAudience) => readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

const projectRoot = path.resolve(__dirname, '../..');

/** `tsx scripts/rebuild-audience.ts --site-dir … --out-dir … --audience …`. */
export function rebuildScriptCommand({ siteDir, outDir }: { siteDir: string; outDir: string }): ChildCommand {
  return {
    file: path.join(projectRoot, 'node_modules/.bin/tsx'),
    args: (audience) => [path.join(projectRoot, 'scripts/rebuild-audience.ts'), '--site-dir', siteDir, '--out-dir', outDir, '--audience', audience],
    cwd: siteDir,
  };
}

export function childProcessBuild(command: ChildCommand, log: (line: string) => void = () => {}): (audience: BuildAudience) => Promise<void> {
  return (audience) =>
    new Promise((resolve, reject) => {
      const child = spawn(command.file, [...command.args(audience)], { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let tail = '';
      const keep = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        tail = (tail + text).slice(-4000);
        for (const line of text.split('\n')) if (line.trim()) log(`[${audience}] ${line}`);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (code === 0) return resolve();
        // Its last line says why (the build's located error); the rest is in the server's log.
        const reason = tail.trim().split('\n').filter(Boolean).pop() ?? '';
        reject(new Error(`building ${audience} failed (${signal ?? `exit ${code}`})${reason ? `: ${reason}` : ''}`));
      });
    });
}
