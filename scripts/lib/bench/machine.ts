/** What a measurement ran on, printed with every result (figures mean little without it). */
import os from 'node:os';

export function machine() {
  return {
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
  };
}

export function describeMachine(): string {
  const m = machine();
  return `${m.cpus} cores, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAverage1m}`;
}
