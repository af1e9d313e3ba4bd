import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Requests per second across all connections; absent = as fast as the server answers (closed loop). */
  rate?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency of the answers with a 2xx status (a shed request's quick 503 would flatter the others). */
  okP50: number;
  okP99: number;
  /** Answers per status, e.g. { 200: 9000, 503: 1200 }; `errors` = connection errors and timeouts. */
  statuses: Record<string, number>;
  errors: number;
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** One autocannon run on loopback, bounded by `seconds`. */
export function runLoad(request: LoadRequest, options: LoadOptions): Promise<LoadResult> {
  const okLatencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: request.method,
        headers: { 'content-type': 'application/json', ...request.headers },
        ...(request.body !== undefined && { body: request.body }),
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        ...(options.rate !== undefined && { overallRate: options.rate }),
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = okLatencies.sort((a, b) => a - b);
        const statuses = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
        );
        resolve({
          requestsPerSecond: Math.round(result.requests.total / options.seconds),
          okP50: percentile(sorted, 0.5),
          okP99: percentile(sorted, 0.99),
          statuses,
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) okLatencies.push(responseTime);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An open-loop run at a steady rate: request i is sent at start + i/rate whether or not earlier ones have
 * answered, and its latency counts from that moment (so a backlog is not hidden). autocannon's own rate
 * sends each second's requests in one burst, which measures the burst rather than the rate.
 */
export async function runPaced(request: LoadRequest, options: { rate: number; seconds: number }) {
  const okLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const send = async (due: number) => {
    try {
      const answer = await fetch(request.url, {
        method: request.method,
        headers: { 'content-type': 'application/json', ...request.headers },
        ...(request.body !== undefined && { body: request.body }),
        signal: AbortSignal.timeout(10_000),
      });
      await answer.arrayBuffer();
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.ok) okLatencies.push(performance.now() - due);
    } catch {
      errors++;
    }
  };
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(due));
  }
  await Promise.all(pending);
  const sorted = okLatencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(total / options.seconds),
    okP50: percentile(sorted, 0.5),
    okP99: percentile(sorted, 0.99),
    statuses,
    errors,
  } satisfies LoadResult;
}
