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
