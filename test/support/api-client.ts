import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response } from 'light-my-request';
import type { RateLimitSettings } from '../../src/api/auth/rate-limits.js';
import { SESSION_COOKIE } from '../../src/api/auth/session-cookie.js';
import { type BuildServerOptions, buildServer } from '../../src/api/build-server.js';
import { hashPassword, TEST_SCRYPT_COST } from '../../src/app/auth/passwords.js';
import type { AppContext } from '../../src/app/context.js';
import { setPasswordHash, type UserRecord } from '../../src/db/repositories/user-records-repo.js';
import type { User } from '../../src/db/repositories/users-repo.js';
import { buildUser } from './factories.js';

export const TEST_PASSWORD = 'correct horse battery staple';
const ROOMY = { limit: 1_000_000, windowMs: 60_000 };

/** Budgets no ordinary test reaches (the test clock stands still, so windows never end by themselves). */
export const TEST_RATE_LIMITS: RateLimitSettings = {
  loginFailuresPerAccount: ROOMY,
  loginAttemptsPerIp: ROOMY,
  requestsPerPrincipal: ROOMY,
  anonymousRequestsPerIp: ROOMY,
};

export type TestServerOptions = Omit<BuildServerOptions, 'context'>;

/** The real server with cheap password hashing and roomy rate limits, unless a test says otherwise. */
export function buildTestServer(
  context: AppContext,
  options: TestServerOptions = {},
): Promise<FastifyInstance> {
  return buildServer({
    ...options,
    context,
    auth: { passwordCost: TEST_SCRYPT_COST, ...options.auth },
    rateLimits: { ...TEST_RATE_LIMITS, ...options.rateLimits },
  });
}

export interface CallResult {
  status: number;
  headers: Response['headers'];
  /** Parsed JSON, or null for an empty or non-JSON body. Loosely typed: tests assert on its shape. */
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field and checked by expect
  body: any;
}

/** A signed-in browser: every request carries the session cookie, and x-csrf-token (as the web app does). */
export interface ApiClient {
  user: UserRecord;
  csrfToken: string;
  cookie: string;
  inject(options: InjectOptions): Promise<Response>;
  call(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<CallResult>;
}

export const toCallResult = (response: Response): CallResult => ({
  status: response.statusCode,
  headers: response.headers,
  body: /json/.test(String(response.headers['content-type'])) && response.body ? response.json() : null,
});

/** The `name=value` part of a Set-Cookie header for the session cookie. */
export function sessionCookieFrom(response: Response): string {
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header : [header ?? '']).find((c) =>
    c.startsWith(`${SESSION_COOKIE}=`),
  );
  if (!cookie)
    throw new Error(`no ${SESSION_COOKIE} cookie in the answer (${response.statusCode} ${response.body})`);
  return cookie.split(';', 1)[0] ?? '';
}

/**
 * Signs `user` in through POST /api/v1/auth/login. Unless a password is given, the user first gets
 * TEST_PASSWORD (hashed at the test cost), so any factory-built user can sign in.
 */
export async function signIn(
  app: FastifyInstance,
  user: Pick<User, 'id' | 'email'>,
  options: { password?: string } = {},
): Promise<ApiClient> {
  if (options.password === undefined) {
    await setPasswordHash(app.context.db, user.id, await hashPassword(TEST_PASSWORD, TEST_SCRYPT_COST));
  }
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: options.password ?? TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieFrom(response);
  const { user: signedIn, csrfToken } = response.json() as { user: UserRecord; csrfToken: string };
  const inject = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...options.headers } });
  return {
    user: signedIn,
    csrfToken,
    cookie,
    inject,
    call: async (method, url, body, headers = {}) =>
      toCallResult(
        await inject({ method, url, headers, ...(body !== undefined && { payload: body as object }) }),
      ),
  };
}

/** Builds a user (an admin unless told otherwise) and signs them in. */
export async function signInNewUser(app: FastifyInstance, overrides: Partial<User> = {}): Promise<ApiClient> {
  const user = await buildUser(app.context.db, { role: 'revops_admin', region: null, ...overrides });
  return signIn(app, user);
}
