import fastifyCookie, { type CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'closepath_session';

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure on HTTPS. */
const ATTRIBUTES: CookieSerializeOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' };

/**
 * @fastify/cookie parses the Cookie header of every request on arrival (before authentication) and writes
 * Set-Cookie when the reply is sent. No signing: the value is an opaque random token looked up in the database.
 */
export async function registerCookies(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie, { hook: 'onRequest' });
}

/** The session cookie's value (the first, if a client sends it twice); undefined when absent or empty. */
export const sessionCookieOf = (request: FastifyRequest): string | undefined =>
  request.cookies[SESSION_COOKIE] || undefined;

export function setSessionCookie(reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, value, { ...ATTRIBUTES, maxAge: Math.max(0, Math.floor(maxAgeSeconds)) });
}

/** Tells the browser to forget the cookie (Max-Age=0 and an Expires in the past). */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, ATTRIBUTES);
}
