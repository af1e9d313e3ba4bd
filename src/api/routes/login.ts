import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login } from '../../app/auth/login.js';
import { rolePermissions } from '../../domain/access/permissions.js';
import { crossSiteReason } from '../auth/csrf.js';
import { sendRateLimited } from '../auth/rate-limits.js';
import { clientIpKey } from '../auth/request-budgets.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { problemResponses, sendHttpProblem } from '../errors/problem.js';
import { signedInSchema } from '../schemas/user-schemas.js';

const loginBody = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) })
  .strict();

export const loginRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        security: [],
        summary: 'Sign in with email and password',
        description:
          'Sets the `closepath_session` cookie (HttpOnly, SameSite=Lax, Secure on HTTPS) and returns the ' +
          'CSRF token to send as `x-csrf-token` on changes. A wrong password and an unknown email get the ' +
          'same 401. Failed attempts are limited per account and per IP (429 with Retry-After).',
        body: loginBody,
        response: { 200: signedInSchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const crossSite = crossSiteReason(request);
      if (crossSite) return sendHttpProblem(reply, 'csrf_failed', crossSite);
      const now = request.context.now().getTime();
      const { loginAttemptsPerIp, loginFailuresPerAccount } = app.auth.limiters;
      const account = request.body.email.toLowerCase();
      const byIp = await loginAttemptsPerIp.take(clientIpKey(request), now);
      const byAccount = byIp.allowed ? await loginFailuresPerAccount.peek(account, now) : byIp;
      if (!byAccount.allowed) {
        request.log.warn({ ip: request.ip }, 'sign-in throttled');
        return sendRateLimited(reply, byAccount);
      }
      const result = await login(request.context, app.auth.settings, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
        requestId: request.id,
      });
      if (!result.ok) {
        await loginFailuresPerAccount.take(account, now);
        return sendHttpProblem(reply, 'unauthorized', result.error.message);
      }
      await loginFailuresPerAccount.clear(account);
      const { cookieValue, csrfToken, expiresAt, user } = result.value;
      setSessionCookie(reply, cookieValue, (expiresAt.getTime() - now) / 1000);
      return { user, csrfToken, expiresAt, permissions: rolePermissions(user) };
    },
  );
};
