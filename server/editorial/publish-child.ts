/**
 * Planning and publishing an edition in a child process (`scripts/publish-edition-child.ts`):
 * both load and check the whole corpus synchronously, seconds of work that would otherwise
 * stall every other request of the server (as the reviews route once did). The child writes
 * all or nothing itself; the server commits what it wrote.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { PublishProblem, PublishRequest } from '../../scripts/lib/editions/publish';
import { PublishRefused } from '../../scripts/lib/editions/publish';
import type { PlanView } from './plan-view';

const projectRoot = path.resolve(__dirname, '../..');
const TSX = path.join(projectRoot, 'node_modules/.bin/tsx');
const SCRIPT = path.join(projectRoot, 'scripts/publish-edition-child.ts');

export interface PublishingChild {
  plan(request: PublishRequest): Promise<{ plan: PlanView | null; problems: PublishProblem[] }>;
  /** Throws PublishRefused (nothing written) like the library. */
  publish(request: PublishRequest): Promise<{ plan: PlanView; written: string[] }>;
}

function run<T>(contentRoot: string, mode: 'plan' | 'publish', request: PublishRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [SCRIPT, '--site', contentRoot], { cwd: contentRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString('utf8')).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop();
      if (code === 0 && line) return resolve(JSON.parse(line) as T);
      reject(new Error(`the publishing child failed (exit ${code}): ${err.trim().split('\n').pop() ?? ''}`));
    });
    child.stdin.end(JSON.stringify({ mode, request }));
  });
}

export function childProcessPublishing(contentRoot: string): PublishingChild {
  return {
    plan: (request) => run(contentRoot, 'plan', request),
    async publish(request) {
      const result = await run<{ plan: PlanView; written: string[] } | { refused: PublishProblem[] }>(contentRoot, 'publish', request);
      if ('refused' in result) throw new PublishRefused(result.refused);
      return result;
    },
  };
}
