import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../support/test-api.js';

/** Requests Node cannot parse get problem+json like every other refusal (a real socket: inject skips the parser). */
let api: TestApi;
let port: number;
beforeAll(async () => {
  api = await openTestApi();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  port = (api.app.server.address() as AddressInfo).port;
});
afterAll(() => api.close());

function raw(
  request: string,
): Promise<{ status: number; type: string; body: { code?: string; status?: number } }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (chunk) => {
      data += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
        type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body: JSON.parse(body || '{}'),
      });
    });
  });
}

describe('requests HTTP cannot read', () => {
  it('answers headers past the size limit with 431 problem+json', async () => {
    const answer = await raw(
      `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toEqual({
      status: 431,
      type: 'application/problem+json',
      body: expect.objectContaining({ code: 'headers_too_large', status: 431 }),
    });
  });

  it('answers a broken request line with 400 problem+json', async () => {
    const answer = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toEqual({
      status: 400,
      type: 'application/problem+json',
      body: expect.objectContaining({ code: 'malformed_request', status: 400 }),
    });
  });
});
