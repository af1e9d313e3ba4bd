export const SESSION_COOKIE = 'closepath_session';

/** The value of one cookie from a Cookie header (the first, if a client sends it twice). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure on HTTPS. */
export function sessionCookie(value: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** Tells the browser to forget the cookie. */
export const clearedSessionCookie = (secure: boolean): string =>
  sessionCookie('', { secure, maxAgeSeconds: 0 });
