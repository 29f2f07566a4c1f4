/**
 * Peak memory of a whole process tree, by polling /proc (Linux only).
 *
 * `/usr/bin/time -v` reports the largest RSS of any *single* process it waited for; a build
 * that forks workers can use more than that at once. Summing the RSS of every live descendant
 * every few hundred milliseconds gives the tree's high-water mark (shared pages are counted
 * once per process, so it errs on the high side; a peak shorter than the interval can be missed).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = pageSize();

export interface TreeSampler {
  /** Stops polling and returns the highest total RSS seen, in bytes. */
  stop(): number;
}

export function sampleTreeRss(rootPid: number, intervalMs = 200): TreeSampler {
  let peak = 0;
  const poll = () => {
    peak = Math.max(peak, treeRss(rootPid));
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      poll();
      return peak;
    },
  };
}

/** Total resident bytes of `rootPid` and all its descendants right now. */
export function treeRss(rootPid: number): number {
  const processes = readProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    total += processes.get(pid)?.rssBytes ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readProcesses(): Map<number, { ppid: number; rssBytes: number }> {
  const processes = new Map<number, { ppid: number; rssBytes: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // It ended between readdir and read.
    }
    // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
    // What follows starts at field 3 (state); ppid is field 4, rss (in pages) field 24.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(name), { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_SIZE });
  }
  return processes;
}

function pageSize(): number {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  } catch {
    return 4096;
  }
}
