/**
 * The HTTP floor for bench/http-load.ts: bare Fastify in its own process, answering GET /read with the JSON
 * that Closepath's read answered (the file in argv[2]) and POST /write with a small 201, no database, no
 * authentication. Prints "listening on http://…" like `closepath serve`.
 */
import { readFile } from 'node:fs/promises';
import Fastify from 'fastify';

const payload = await readFile(process.argv[2] ?? '', 'utf8');
const app = Fastify();
app.get('/read', (_request, reply) => reply.type('application/json').send(payload));
app.post('/write', (request, reply) => reply.code(201).send({ id: 'act_bare', received: request.body }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening on ${address}`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
