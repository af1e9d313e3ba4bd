/**
 * The HTTP floor for bench/http-load.ts: bare Fastify in its own process, no database, no authentication, no
 * schemas. argv[2] is a directory of payloads that Closepath answered, captured once before the load
 * (bench/http-targets.ts writes it): `floor.json` names them, `<name>.json` holds each answer's exact bytes.
 * - GET /read/:name answers the captured bytes as they are (no serialising: the cost of HTTP alone);
 * - POST /write/:name parses the request's JSON body (Fastify's parser, the same bytes Closepath was sent) and
 *   answers the captured write's answer with its status, serialised again on every request (JSON.stringify of
 *   the object parsed once at start): the JSON parsing and serialising of the write, without its database.
 * Prints "listening on http://…" like `closepath serve`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Fastify from 'fastify';

export interface FloorManifest {
  reads: string[];
  /** Write name → the status Closepath answered it with. */
  writes: Record<string, number>;
}

const dir = process.argv[2] ?? '';
const manifest = JSON.parse(await readFile(path.join(dir, 'floor.json'), 'utf8')) as FloorManifest;
const payload = (name: string) => readFile(path.join(dir, `${name}.json`), 'utf8');
const reads = new Map<string, string>();
for (const name of manifest.reads) reads.set(name, await payload(name));
const writes = new Map<string, { status: number; answer: unknown }>();
for (const [name, status] of Object.entries(manifest.writes))
  writes.set(name, { status, answer: JSON.parse(await payload(name)) });

const app = Fastify();
app.get<{ Params: { name: string } }>('/read/:name', (request, reply) => {
  const body = reads.get(request.params.name);
  if (body === undefined) return reply.code(404).send({ missing: request.params.name });
  return reply.type('application/json').send(body);
});
app.post<{ Params: { name: string } }>('/write/:name', (request, reply) => {
  const write = writes.get(request.params.name);
  if (write === undefined || typeof request.body !== 'object')
    return reply.code(404).send({ missing: request.params.name });
  return reply.code(write.status).send(write.answer);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening on ${address}`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
