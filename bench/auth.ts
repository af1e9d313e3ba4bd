/**
 * npx tsx bench/auth.ts   — what sign-in costs, beside its floor.
 * Without DATABASE_URL: embedded PGlite in a fresh temporary data directory; with DATABASE_URL=postgres://…
 * a fresh database on that server (dropped afterwards). Prints a table: scrypt per hash (the KDF alone),
 * a sign-in over HTTP (KDF + session insert + audit), and a request's authentication (cookie or bearer)
 * beside the same route without authentication.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../src/api/build-server.js';
import { systemActor } from '../src/app/access/actors.js';
import { hashPassword, verifyPassword } from '../src/app/auth/passwords.js';
import { openApp } from '../src/app/open-app.js';
import { createToken } from '../src/app/tokens/create-token.js';
import { createUser } from '../src/app/users/create-user.js';
import { runRawSql } from '../src/db/run-raw-sql.js';
import { perSecond, timeConcurrently, timeEach } from './measure.js';
import { printTable } from './report-table.js';
import { freshServerDatabase } from './server-database.js';

const PASSWORD = 'bench-password-123';
const ROOMY = { limit: 10_000_000, windowMs: 60_000 };
const range = (n: number) => Array.from({ length: n }, (_, index) => index);
const ms = (value: number) => `${value.toFixed(2)} ms`;

const dir = await mkdtemp(path.join(tmpdir(), 'closepath-bench-auth-'));
const server = process.env.DATABASE_URL
  ? await freshServerDatabase(process.env.DATABASE_URL, 'cp_bench_auth')
  : null;
const opened = await openApp(server ? { databaseUrl: server.url } : { dataDir: path.join(dir, 'data') });
const rows: string[][] = [];
try {
  const encoded = await hashPassword(PASSWORD);
  const hash = await timeEach(range(20), () => hashPassword(PASSWORD));
  const verify = await timeEach(range(20), () => verifyPassword(PASSWORD, encoded));
  const parallel = await timeConcurrently(range(32), 32, () => hashPassword(PASSWORD));
  rows.push(['scrypt hash (N=2^15, r=8, p=1)', ms(hash.p50), ms(hash.p99), '']);
  rows.push(['scrypt verify', ms(verify.p50), ms(verify.p99), '']);
  rows.push(['scrypt, 32 at once (libuv pool)', `${perSecond(parallel.count, parallel.totalMs)}/s`, '', '']);

  const admin = systemActor('bench');
  const created = await createUser(opened.context, admin, {
    email: 'bench@example.com',
    name: 'Bench',
    role: 'revops_admin',
    password: PASSWORD,
  });
  if (!created.ok) throw new Error(created.error.message);
  const token = await createToken(opened.context, admin, { userId: created.value.id, name: 'bench' });
  if (!token.ok) throw new Error(token.error.message);
  const app = await buildServer({
    context: opened.context,
    rateLimits: {
      loginAttemptsPerIp: ROOMY,
      loginFailuresPerAccount: ROOMY,
      requestsPerPrincipal: ROOMY,
      anonymousRequestsPerIp: ROOMY,
    },
  });
  app.get('/bench/open', { config: { public: true } }, async () => ({ ok: true }));
  app.get('/bench/signed-in', async (request) => ({ ok: request.actor.id }));
  await app.ready();
  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'bench@example.com', password: PASSWORD },
    });
  const signIn = await timeEach(range(20), login);
  rows.push([
    'POST /auth/login (HTTP, real cost)',
    ms(signIn.p50),
    ms(signIn.p99),
    `${(signIn.p50 / hash.p50).toFixed(2)}× scrypt`,
  ]);

  const cookie = String((await login()).headers['set-cookie']).split(';', 1)[0] ?? '';
  const get =
    (url: string, headers: Record<string, string> = {}) =>
    () =>
      app.inject({ method: 'GET', url, headers });
  const samples = range(2000);
  const open = await timeEach(samples, get('/bench/open'));
  const session = await timeEach(samples, get('/bench/signed-in', { cookie }));
  const bearer = await timeEach(
    samples,
    get('/bench/signed-in', { authorization: `Bearer ${token.value.secret}` }),
  );
  const lookup = await timeEach(samples, () =>
    runRawSql(
      opened.context.db,
      'select s.id_hash, u.role from sessions s join users u on u.id = s.user_id where s.id_hash = $1',
      ['x'],
    ),
  );
  rows.push(['raw SQL: session+user by key', ms(lookup.p50), ms(lookup.p99), '']);
  rows.push(['GET, no authentication (floor)', ms(open.p50), ms(open.p99), '1.00×']);
  rows.push([
    'GET, session cookie',
    ms(session.p50),
    ms(session.p99),
    `${(session.p50 / open.p50).toFixed(2)}×`,
  ]);
  rows.push(['GET, bearer token', ms(bearer.p50), ms(bearer.p99), `${(bearer.p50 / open.p50).toFixed(2)}×`]);
  await app.close();
} finally {
  await opened.close();
  await server?.drop();
  await rm(dir, { recursive: true, force: true });
}

printTable(['operation', 'p50', 'p99', 'vs floor'], rows);
console.log(`engine: ${opened.engine}; node ${process.version}`);
