import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

export type ProxyTrust = (address: string, hop: number) => boolean;

const compiled = new WeakMap<readonly string[], ProxyTrust>();

/**
 * Which hops' X-Forwarded-For is believed (TRUST_PROXY): the listed proxies only, none by default, so a
 * client cannot name its own address. Fastify gets this for HTTP (`req.ip`); the sockets use it through
 * clientAddress, so a rate limit counts a client the same on both.
 */
export function proxyTrust(trusted: readonly string[]): ProxyTrust {
  let trust = compiled.get(trusted);
  if (!trust) {
    trust = trusted.length ? proxyAddr.compile([...trusted]) : () => false;
    compiled.set(trusted, trust);
  }
  return trust;
}

/** The client's address of a raw request (an HTTP request or a socket's handshake), as `req.ip` gives it. */
export const clientAddress = (req: IncomingMessage, trusted: readonly string[]): string =>
  proxyAddr(req, proxyTrust(trusted));
