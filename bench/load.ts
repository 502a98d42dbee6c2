/** Latency and throughput of a fixed number of calls made by `concurrency` callers at once. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(count: number, concurrency: number, call: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies = new Float64Array(count);
  let next = 0;
  const caller = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      await call(i);
      latencies[i] = performance.now() - t0;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  const wallMs = performance.now() - started;
  latencies.sort();
  return { requestsPerSecond: (count / wallMs) * 1000, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

/** The median of each figure over several runs, taken figure by figure. */
export function medianResult<R extends { [K in keyof R]: number }>(runs: R[]): R {
  const keys = Object.keys(runs[0]!) as (keyof R)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k] as number))])) as R;
}
