import type { FastifyReply } from 'fastify';

/**
 * The session cookie's name: over https `__Host-` (Secure, this host only, path /, so no subdomain or plain-http
 * page can set or overwrite it); on a plain-http demo the browser would refuse that prefix.
 */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-tvaers_session' : 'tvaers_session');

/** Paths whose routes need no session: a body error there is reported as such, not as 401. */
export const PUBLIC_PATH_PREFIXES = ['/api/health', '/api/auth/', '/api/guest/', '/api/docs'];
export const isPublicPath = (url: string) => PUBLIC_PATH_PREFIXES.some((p) => url.startsWith(p));

/** How every cookie of Tværs is set: HttpOnly, for the whole site, Secure in production or over https. */
export const cookieOptions = (secure: boolean, sameSite: 'lax' | 'strict', expires: Date) => ({
  httpOnly: true,
  sameSite,
  secure,
  path: '/',
  expires,
});

/** Hands a new session to the browser, whichever way the person logged in. */
export const setSessionCookie = (reply: FastifyReply, secure: boolean, token: string, expiresAt: Date) =>
  reply.setCookie(sessionCookieName(secure), token, cookieOptions(secure, 'lax', expiresAt));
