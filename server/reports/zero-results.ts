/**
 * The zero-result search report for editors: the queries nobody found an answer to, read
 * from the log the search route already writes (`server/search/zero-results.ts`: one JSON line
 * `{at: 'YYYY-MM-DD', query, filters}` per event, in `zero-results.jsonl` and its rotated
 * `zero-results.N.jsonl`). Counted per normalised query, newest first, then most asked. The
 * log holds no user and no address, so neither can reach the report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zeroResultReportRoute } from '../../src/api/reports';
import type { Role } from '../../src/api/roles';
import type { AccountGuards } from '../accounts/guards';
import { registerApi } from '../api/plugin';

/** Editors (the texts), approvers, supervisors (what people look for) and admins. */
export const ZERO_RESULT_READERS: readonly Role[] = ['editor', 'approver', 'supervisor', 'admin'];

export interface ZeroResultRow {
  readonly query: string;
  readonly count: number;
  /** ISO day of the first and last time it found nothing. */
  readonly firstSeen: string;
  readonly lastSeen: string;
}

const LOG_FILE = /^zero-results(\.\d+)?\.jsonl$/;

/** Every line of every log file in `dataDir`; a torn or foreign line is skipped, not fatal. */
export function readZeroResults(dataDir: string, { from, to }: { from?: string | undefined; to?: string | undefined } = {}): ZeroResultRow[] {
  if (!existsSync(dataDir)) return [];
  const byQuery = new Map<string, { count: number; firstSeen: string; lastSeen: string }>();
  for (const name of readdirSync(dataDir).filter((n) => LOG_FILE.test(n))) {
    for (const line of readFileSync(path.join(dataDir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let event: { at?: unknown; query?: unknown };
      try {
        event = JSON.parse(line) as typeof event;
      } catch {
        continue;
      }
      if (typeof event.query !== 'string' || typeof event.at !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(event.at)) continue;
      if ((from && event.at < from) || (to && event.at > to)) continue;
      const seen = byQuery.get(event.query);
      if (!seen) byQuery.set(event.query, { count: 1, firstSeen: event.at, lastSeen: event.at });
      else {
        seen.count++;
        if (event.at < seen.firstSeen) seen.firstSeen = event.at;
        if (event.at > seen.lastSeen) seen.lastSeen = event.at;
      }
    }
  }
  return [...byQuery]
    .map(([query, s]) => ({ query, ...s }))
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || b.count - a.count || a.query.localeCompare(b.query, 'fa'));
}

export async function registerZeroResultReport(app: FastifyInstance, { dataDir, guards }: { dataDir: string; guards: AccountGuards }): Promise<void> {
  await registerApi(app, { authOf: guards.authOf }, ({ route }) => {
    route(zeroResultReportRoute, { access: { roles: ZERO_RESULT_READERS }, handler: () => ({ rows: readZeroResults(dataDir) }) });
  });
}
