/**
 * Synthetic Persian search records for scale benchmarks: new clauses assembled from the words
 * and sentence lengths of the real sample corpus, so term frequencies stay realistic.
 * Deterministic (seeded), so runs compare.
 */
import type { SearchRecord } from '../../../src/search/record';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticRecords(base: readonly SearchRecord[], count: number, seed = 1404): SearchRecord[] {
  if (count <= base.length) return base.slice(0, count);
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const words = base.flatMap((r) => r.content.split(/\s+/)).filter(Boolean);
  const titles = base.map((r) => r.title);
  const out: SearchRecord[] = [...base];
  for (let i = base.length; i < count; i += 1) {
    const template = pick(base);
    const length = Math.max(12, template.content.split(/\s+/).length);
    const content = Array.from({ length }, () => pick(words)).join(' ');
    out.push({
      ...template,
      id: `syn-${i}`,
      anchor: '',
      title: `${pick(titles)} ${i}`,
      content,
      audience: random() < 0.5 ? ['staff'] : ['staff', 'contractor'],
      position: i,
    });
  }
  return out;
}
