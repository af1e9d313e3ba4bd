import { ApiError, problemFrom } from './problem';

/**
 * The one way the app talks to the Closepath API: same origin, the session cookie, the CSRF token on
 * every change, JSON in and out, problem+json errors thrown as ApiError.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

/** Set from sign-in and from GET /auth/me; sent as `x-csrf-token` on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 (the session ended) on any request but the who-am-I check. */
export function whenSignedOut(listener: (() => void) | null): void {
  onSignedOut = listener;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The ETag read with the record: sent as If-Match so a stale write is refused (412). */
  etag?: string | null;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** A file sent as the body itself (e.g. text/csv), streamed by the browser from disk; instead of `body`. */
  upload?: { file: Blob; contentType: string };
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

/** The URL of an API path with its query (empty values left out), e.g. for a download link. */
export function urlFor(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

function headersFor(method: string, options: RequestOptions): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.upload) headers.set('content-type', options.upload.contentType);
  if (UNSAFE.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);
  if (options.etag) headers.set('if-match', options.etag);
  return headers;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), {
      method,
      headers: headersFor(method, options),
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.upload && { body: options.upload.file }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      title: 'Network error',
      status: 0,
      code: 'network_error',
      detail: 'The server could not be reached. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (response.status === 401 && path !== '/auth/me') onSignedOut?.();
    throw new ApiError(problem);
  }
  const data = (response.status === 204 ? null : await response.json()) as T;
  return { data, etag: response.headers.get('etag') };
}

/** GET returning only the body (most reads). */
export async function getJson<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) {
  return (await request<T>(path, { query, ...(signal && { signal }) })).data;
}
