import { insertSession } from '../../db/repositories/sessions-repo.js';
import { findUserByEmail, type UserRecord } from '../../db/repositories/user-records-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { actorFor } from '../access/actors.js';
import type { AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { anonymousActor } from './anonymous-actor.js';
import type { AuthSettings } from './auth-settings.js';
import { verifyDummyPassword, verifyPassword } from './passwords.js';
import { generateSecret, hashSecret } from './secrets.js';

export interface LoginInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId?: string | undefined;
}

export interface SignedIn {
  user: UserRecord;
  /** The cookie value: given to the browser once, only its hash is stored. */
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

/** One answer for every failure, so a caller cannot tell an unknown email from a wrong password. */
export type LoginFailure = { code: 'invalid_credentials'; message: string };
export const LOGIN_FAILED: LoginFailure = {
  code: 'invalid_credentials',
  message: 'The email or the password is not right.',
};

type FailureReason = 'unknown_email' | 'no_password' | 'disabled' | 'wrong_password';

/** The audit's name for a session: the start of its id hash (never the cookie value). */
export const sessionRef = (idHash: string) => `ses_${idHash.slice(0, 16)}`;

/** Checks the password (in the same time whether or not the account exists) and opens a session. */
export async function login(
  context: AppContext,
  settings: AuthSettings,
  input: LoginInput,
): Promise<Result<SignedIn, LoginFailure>> {
  const found = await findUserByEmail(context.db, input.email);
  let reason: FailureReason | null = null;
  if (!found) reason = 'unknown_email';
  else if (!found.passwordHash) reason = 'no_password';
  else if (!found.user.active) reason = 'disabled';
  const matches =
    reason === null && found?.passwordHash
      ? await verifyPassword(input.password, found.passwordHash)
      : await verifyDummyPassword(input.password, settings.passwordCost);
  const at = context.now();
  const seen = { email: input.email, ip: input.ip, userAgent: input.userAgent };
  if (!found || !matches) {
    await context.db.transaction().execute((trx) =>
      recordEvent(trx, anonymousActor(input.requestId), at, {
        entityType: 'user',
        entityId: found?.user.id ?? `email:${input.email.toLowerCase()}`,
        action: 'auth.login_failed',
        after: { ...seen, reason: reason ?? 'wrong_password' },
      }),
    );
    return err(LOGIN_FAILED);
  }
  const cookieValue = generateSecret();
  const idHash = hashSecret(cookieValue);
  const csrfToken = generateSecret();
  const expiresAt = new Date(at.getTime() + settings.absoluteTimeoutMs);
  const { id, role, region, managerId } = found.user;
  const actor = actorFor({ id, role, region, managerId }, { requestId: input.requestId });
  await context.db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      idHash,
      userId: found.user.id,
      csrfToken,
      createdAt: at,
      expiresAt,
      ...pick(input),
    });
    await recordEvent(trx, actor, at, {
      entityType: 'session',
      entityId: sessionRef(idHash),
      action: 'auth.login_succeeded',
      after: { ...seen, userId: found.user.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return ok({ user: found.user, cookieValue, csrfToken, expiresAt });
}

const pick = (input: LoginInput) => ({ ip: input.ip, userAgent: input.userAgent });
