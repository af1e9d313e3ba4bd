import type { Socket } from 'node:net';
import { HTTP_PROBLEM_STATUS, PROBLEM_CONTENT_TYPE, PROBLEM_TITLES, problemTypeFor } from './problem.js';

/**
 * For Fastify's `clientErrorHandler`: a request Node could not even parse (headers past the size limit, a
 * broken request line) is answered as problem+json too — 431 for oversized headers, else 400 — then the
 * connection is closed. There is no request yet, hence no request id.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'malformed_request';
  const status = HTTP_PROBLEM_STATUS[code];
  const detail =
    code === 'headers_too_large'
      ? 'The request line and headers are larger than this server reads; send fewer or shorter headers.'
      : 'The request could not be parsed as HTTP.';
  const body = JSON.stringify({
    type: problemTypeFor(code),
    title: PROBLEM_TITLES[code],
    status,
    detail,
    code,
  });
  socket.end(
    `HTTP/1.1 ${status} ${PROBLEM_TITLES[code]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
