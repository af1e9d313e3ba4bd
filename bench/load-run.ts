import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Requests that differ from one to the next (a stage change carries its deal's current If-Match): `take`
 * the next one (undefined while none is free) and hear its answer, so the next one is built on it.
 */
export interface RequestSource {
  /** Any URL on the server (autocannon connects to its host and port). */
  url: string;
  /** How many requests may be in flight at once: a closed-loop run opens at most this many connections. */
  capacity: number;
  take(): LoadRequest | undefined;
  /** Sent by a closed-loop connection that finds no free request: one that fails, so it counts as failed. */
  unavailable: LoadRequest;
  answered(request: LoadRequest, status: number, body: string): void;
}

export type LoadTarget = LoadRequest | RequestSource;
const isSource = (target: LoadTarget): target is RequestSource => 'take' in target;

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Requests per second across all connections; absent = as fast as the server answers (closed loop). */
  rate?: number;
}

export interface LoadResult {
  /** Every answer per second, whatever its status (a 503 or 412 included). */
  requestsPerSecond: number;
  /** Answers with a 2xx status per second: what the table calls throughput. */
  okPerSecond: number;
  /** Latency of the answers with a 2xx status (a shed request's quick 503 would flatter the others). */
  okP50: number;
  okP99: number;
  /** Answers per status, e.g. { 200: 9000, 503: 1200 }; `errors` = connection errors and timeouts. */
  statuses: Record<string, number>;
  errors: number;
  /** Answers without a 2xx status plus errors: a 409 or 412 is a failed request, not a success. */
  failed: number;
  /** Connections used (a request source may allow fewer than asked). */
  connections: number;
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function summary(
  okLatencies: number[],
  statuses: Record<string, number>,
  errors: number,
  seconds: number,
  connections: number,
): LoadResult {
  const sorted = okLatencies.sort((a, b) => a - b);
  const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: Math.round(answered / seconds),
    okPerSecond: Math.round(sorted.length / seconds),
    okP50: percentile(sorted, 0.5),
    okP99: percentile(sorted, 0.99),
    statuses,
    errors,
    failed: answered - sorted.length + errors,
    connections,
  };
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** autocannon's per-request hooks over a source: each connection takes a request and hands back its answer. */
function sourceRequests(source: RequestSource) {
  type Context = { taken?: LoadRequest };
  return [
    {
      setupRequest: (defaults: Record<string, unknown>, context: Context) => {
        const next = source.take() ?? source.unavailable;
        context.taken = next;
        return {
          ...defaults,
          method: next.method,
          path: pathOf(next.url),
          headers: { 'content-type': 'application/json', ...next.headers },
          body: next.body ?? '',
        };
      },
      onResponse: (status: number, body: string, context: Context) => {
        if (context.taken) source.answered(context.taken, status, body);
      },
    },
  ];
}

/** One autocannon run on loopback, bounded by `seconds`. */
export function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const okLatencies: number[] = [];
  const connections = isSource(target) ? Math.min(options.connections, target.capacity) : options.connections;
  const request = isSource(target)
    ? { url: target.url, requests: sourceRequests(target) }
    : {
        url: target.url,
        method: target.method,
        headers: { 'content-type': 'application/json', ...target.headers },
        ...(target.body !== undefined && { body: target.body }),
      };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        ...(request as autocannon.Options),
        connections,
        duration: options.seconds,
        timeout: 10,
        ...(options.rate !== undefined && { overallRate: options.rate }),
      },
      (error, result) => {
        if (error) return reject(error);
        const statuses = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
        );
        resolve(
          summary(okLatencies, statuses, result.errors + result.timeouts, options.seconds, connections),
        );
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) okLatencies.push(responseTime);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The next request of `target`; a source with none free is polled every millisecond (the wait counts), for
 * at most 10 s (then the request counts as an error).
 */
async function nextRequest(target: LoadTarget): Promise<LoadRequest> {
  if (!isSource(target)) return target;
  const deadline = performance.now() + 10_000;
  for (let next = target.take(); performance.now() < deadline; next = target.take()) {
    if (next) return next;
    await sleep(1);
  }
  throw new Error('no free request in 10 s');
}

/**
 * An open-loop run at a steady rate: request i is sent at start + i/rate whether or not earlier ones have
 * answered, and its latency counts from that moment (so a backlog is not hidden). autocannon's own rate
 * sends each second's requests in one burst, which measures the burst rather than the rate.
 */
export async function runPaced(target: LoadTarget, options: { rate: number; seconds: number }) {
  const okLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const send = async (due: number) => {
    try {
      const request = await nextRequest(target);
      const answer = await fetch(request.url, {
        method: request.method,
        headers: { 'content-type': 'application/json', ...request.headers },
        ...(request.body !== undefined && { body: request.body }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await answer.text();
      if (isSource(target)) target.answered(request, answer.status, body);
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
  return summary(okLatencies, statuses, errors, options.seconds, 0);
}
