/**
 * The two servers the page benchmark compares, both serving the same build/ on a free
 * loopback port:
 * - the Ayin server (fastify: precompressed brotli/gzip, cache headers, CSP);
 * - `docusaurus serve`, Docusaurus's plain static server (no compression).
 */
import path from 'node:path';
import { freeLoopbackPort, startInGroup, stopGroup, waitForHttp } from './processes';

export interface RunningServer {
  name: string;
  origin: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  repoDir: string;
  siteDir: string;
  logFile: string;
}

export async function startAyinServer({ repoDir, siteDir, logFile, audience = 'public' }: ServerOptions & { audience?: string }): Promise<RunningServer> {
  const port = await freeLoopbackPort();
  const child = startInGroup(path.join(repoDir, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: repoDir,
    logFile,
    // Request logs would only fill the log file.
    env: { HOST: '127.0.0.1', PORT: String(port), AYIN_SITE_DIR: siteDir, AYIN_AUDIENCE: audience, LOG_LEVEL: 'warn' },
  });
  return ready('Ayin server', `http://127.0.0.1:${port}`, child, logFile);
}

/**
 * `npx docusaurus serve` would put npx between us and the server (killing npx's PID leaves the
 * server running); the binary is started directly, and its whole group is stopped anyway.
 */
export async function startDocusaurusServe({ repoDir, siteDir, logFile }: ServerOptions): Promise<RunningServer> {
  const port = await freeLoopbackPort();
  const child = startInGroup(
    path.join(repoDir, 'node_modules/.bin/docusaurus'),
    ['serve', '--dir', siteDir, '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    { cwd: repoDir, logFile },
  );
  return ready('docusaurus serve', `http://127.0.0.1:${port}`, child, logFile);
}

async function ready(name: string, origin: string, child: ReturnType<typeof startInGroup>, logFile: string): Promise<RunningServer> {
  const server = { name, origin, stop: () => stopGroup(child) };
  try {
    await waitForHttp(`${origin}/`, child, { logFile });
  } catch (error) {
    await server.stop();
    throw new Error(`${name} did not start: ${(error as Error).message}`);
  }
  return server;
}
