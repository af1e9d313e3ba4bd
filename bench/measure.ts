/** Small timing helpers for the benchmark: percentiles over repeated async calls. */
export interface Timing {
  count: number;
  totalMs: number;
  p50: number;
  p99: number;
}

export async function timeEach<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  const started = performance.now();
  for (const item of items) {
    const at = performance.now();
    await run(item);
    samples.push(performance.now() - at);
  }
  return summarize(samples, performance.now() - started);
}

export async function timeConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<unknown>,
) {
  const samples: number[] = [];
  const queue = [...items];
  const started = performance.now();
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const at = performance.now();
      await run(item);
      samples.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(samples, performance.now() - started);
}

function summarize(samples: number[], totalMs: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: samples.length, totalMs, p50: at(0.5), p99: at(0.99) };
}

export const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
