/**
 * Runs async work over a list with at most `concurrency` items in flight, results in input
 * order. Bulk password hashing goes through this: scrypt runs on libuv's worker threads (4 by
 * default) and on this server's 2 cores, and a bulk job that takes them all makes every
 * sign-in wait behind it.
 */
export async function mapBounded<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
