/**
 * Planning and publishing an edition in a child process (`scripts/publish-edition-child.ts`):
 * both load and check the whole corpus synchronously, seconds of work that would otherwise
 * stall every other request of the server (as the reviews route once did). The child writes
 * all or nothing itself; the server commits what it wrote.
 */
import { spawn } from 'node:child_process';
import type { PublishProblem, PublishRequest } from '../../scripts/lib/editions/publish';
import { PublishRefused } from '../../scripts/lib/editions/publish';
import type { PlanView } from './plan-view';
import { outputTail, tsxScript } from './tsx-child';

const child = tsxScript('publish-edition-child.ts');

export interface PublishingChild {
  plan(request: PublishRequest): Promise<{ plan: PlanView | null; problems: PublishProblem[] }>;
  /** Throws PublishRefused (nothing written) like the library. */
  publish(request: PublishRequest): Promise<{ plan: PlanView; written: string[] }>;
}

function run<T>(contentRoot: string, mode: 'plan' | 'publish', request: PublishRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const running = spawn(child.file, [child.script, '--site', contentRoot], { cwd: contentRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const err = outputTail();
    running.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    running.stderr.on('data', (chunk: Buffer) => err.add(chunk.toString('utf8')));
    running.on('error', reject);
    running.on('exit', (code) => {
      const line = out.trim().split('\n').pop();
      if (code === 0 && line) return resolve(JSON.parse(line) as T);
      reject(new Error(`the publishing child failed (exit ${code}): ${err.lastLine()}`));
    });
    running.stdin.end(JSON.stringify({ mode, request }));
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
