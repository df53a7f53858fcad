import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'tvaers_session';

/** Paths whose routes need no session: a body error there is reported as such, not as 401. */
export const PUBLIC_PATH_PREFIXES = ['/api/health', '/api/auth/', '/api/guest/', '/api/docs'];
export const isPublicPath = (url: string) => PUBLIC_PATH_PREFIXES.some((p) => url.startsWith(p));

/** How every cookie of Tværs is set: HttpOnly, for the whole site, Secure in production. */
export const cookieOptions = (production: boolean, sameSite: 'lax' | 'strict', expires: Date) => ({
  httpOnly: true,
  sameSite,
  secure: production,
  path: '/',
  expires,
});

/** Hands a new session to the browser, whichever way the person logged in. */
export const setSessionCookie = (reply: FastifyReply, production: boolean, token: string, expiresAt: Date) =>
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(production, 'lax', expiresAt));
