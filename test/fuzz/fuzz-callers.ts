import type { FastifyInstance } from 'fastify';
import type { User } from '../../src/db/repositories/users-repo.js';
import { signIn } from '../support/api-client.js';

/** Who sends a case: signed-in users by cookie or token, nobody, or someone with forged credentials. */
export const CALLERS = [
  'admin-cookie',
  'admin-bearer',
  'ae-cookie',
  'reader-bearer',
  'cookie-without-csrf',
  'anonymous',
  'forged',
] as const;
export type CallerName = (typeof CALLERS)[number];

/** How often each caller sends a case: mostly the admin, who may reach every handler. */
export const CALLER_WEIGHTS: Record<CallerName, number> = {
  'admin-cookie': 60,
  'admin-bearer': 14,
  'ae-cookie': 10,
  'reader-bearer': 4,
  'cookie-without-csrf': 3,
  anonymous: 6,
  forged: 3,
};

const FORGED: Array<Record<string, string>> = [
  { authorization: 'Bearer cpt_0000000000000000000000000000' },
  { authorization: 'Bearer ' },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer cpt_\u00ff\u00fe' },
  { cookie: 'closepath_session=' },
  { cookie: 'closepath_session=%' },
  { cookie: 'closepath_session=forged; closepath_session=again' },
  { cookie: `closepath_session=${'x'.repeat(4096)}` },
];

/** The credentials of each caller; a signed-in caller whose session a case ended (sign-out) signs in again. */
export class FuzzCallers {
  renewals = 0;
  private readonly headers = new Map<CallerName, Record<string, string>>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly users: { admin: User; ae: User },
  ) {}

  async signInAll(): Promise<void> {
    await this.renew('admin-cookie');
    await this.renew('ae-cookie');
    const admin = this.headers.get('admin-cookie') ?? {};
    this.headers.set('cookie-without-csrf', { cookie: admin.cookie ?? '' });
    for (const [caller, scope] of [
      ['admin-bearer', 'write'],
      ['reader-bearer', 'read'],
    ] as const) {
      const answer = await this.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: admin,
        payload: { userId: this.users.admin.id, name: `fuzz ${scope}`, scope },
      });
      this.headers.set(caller, { authorization: `Bearer ${answer.json().secret}` });
    }
  }

  /** Signs the caller in again (its session ended); tokens are never aimed at, so only cookies end. */
  async renew(caller: CallerName): Promise<void> {
    if (caller !== 'admin-cookie' && caller !== 'ae-cookie' && caller !== 'cookie-without-csrf') return;
    const who = caller === 'ae-cookie' ? 'ae' : 'admin';
    const client = await signIn(this.app, this.users[who]);
    this.renewals += this.headers.has(caller) ? 1 : 0;
    const signedIn = { cookie: client.cookie, 'x-csrf-token': client.csrfToken };
    if (who === 'ae') this.headers.set('ae-cookie', signedIn);
    else {
      this.headers.set('admin-cookie', signedIn);
      this.headers.set('cookie-without-csrf', { cookie: client.cookie });
    }
  }

  headersOf(caller: CallerName, pick: number): Record<string, string> {
    if (caller === 'anonymous') return {};
    if (caller === 'forged') return FORGED[pick % FORGED.length] ?? {};
    return this.headers.get(caller) ?? {};
  }

  signedIn = (caller: CallerName): boolean => caller !== 'anonymous' && caller !== 'forged';
}
