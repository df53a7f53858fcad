import { isIPv6 } from 'node:net';

/**
 * The unit an address is counted in: IPv4 as it is, IPv6 by its /64, since one subscriber usually
 * holds a whole /64 and could otherwise change address per guess.
 */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  // An embedded IPv4 part stands for two groups; it is always in the last 32 bits, so its value does not matter.
  const groups = (s: string | undefined) =>
    (s ? s.split(':') : []).flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const [head, tail] = address.split('%')[0].split('::');
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
