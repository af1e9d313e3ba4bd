import type { InjectOptions } from 'fastify';
import type { FuzzCase } from './fuzz-cases.js';
import type { Operation } from './operations.js';

/**
 * Percent-encodes text byte by byte as WTF-8, so that a lone surrogate reaches the server as the bytes it
 * would be (ED A0 80) instead of making encodeURIComponent throw.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    const paired = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const point = paired ? 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00) : unit;
    if (paired) index++;
    if (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(point))) out += String.fromCharCode(point);
    else for (const byte of wtf8Bytes(point)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function wtf8Bytes(point: number): number[] {
  if (point < 0x80) return [point];
  if (point < 0x800) return [0xc0 | (point >> 6), 0x80 | (point & 63)];
  if (point < 0x10000) return [0xe0 | (point >> 12), 0x80 | ((point >> 6) & 63), 0x80 | (point & 63)];
  return [0xf0 | (point >> 18), 0x80 | ((point >> 12) & 63), 0x80 | ((point >> 6) & 63), 0x80 | (point & 63)];
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** A header value Node would send: Latin-1 without control characters (other text cannot be a header). */
const headerSafe = (value: unknown) => asText(value).replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

function queryString(fuzzCase: FuzzCase): string {
  const pairs = Object.entries(fuzzCase.parts.query ?? {}).flatMap(([key, value]) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : [value]).map(
          (item) => `${percentEncode(key)}=${percentEncode(asText(item))}`,
        ),
  );
  const query = [...pairs, ...(fuzzCase.rawQuery ? [fuzzCase.rawQuery] : [])].join('&');
  return query ? `?${query}` : '';
}

/** The case as a request to inject: the path filled in, the query written, the body as JSON or as given. */
export function requestOf(
  operation: Operation,
  fuzzCase: FuzzCase,
  credentials: Record<string, string>,
): InjectOptions {
  const path = operation.pathTemplate.replace(
    /\{(\w+)\}/g,
    (_whole, name: string) =>
      fuzzCase.rawParams[name] ?? percentEncode(asText(fuzzCase.parts.params?.[name] ?? '')),
  );
  const headers: Record<string, string> = { ...credentials };
  for (const [name, value] of Object.entries(fuzzCase.parts.headers ?? {})) {
    if (value !== undefined) headers[name] = headerSafe(value);
  }
  const body =
    fuzzCase.rawBody ??
    (fuzzCase.parts.body === undefined
      ? undefined
      : { payload: JSON.stringify(fuzzCase.parts.body), contentType: 'application/json' });
  if (body?.contentType !== undefined) headers['content-type'] = body.contentType;
  return {
    method: operation.method as InjectOptions['method'],
    url: `${path}${queryString(fuzzCase)}`,
    headers,
    ...(body && { payload: body.payload }),
  };
}
