/**
 * Where the e2e server's SMTP sink leaves the mail it receives (one JSON file per mail), so a
 * spec in another process can read what was sent: per port, since each e2e server has its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReceivedMail } from '../../server/notifications/__tests__/sink';

export const mailDirFor = (port: number) => path.join(tmpdir(), `ayin-e2e-mail-${port}`);

export function mailIn(dir: string): ReceivedMail[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ReceivedMail);
}
