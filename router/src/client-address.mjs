// Which address a request comes from, for the anonymous rate limit.
//
// The peer of the TCP connection is the caller, unless that peer is a proxy listed in STAY_TRUSTED_PROXIES
// (the load balancer in front of the routers). Only then is X-Forwarded-For read, from the right: each trusted
// proxy appends the address it saw, so the first address from the right that is not a trusted proxy is the
// client. Whatever a client writes into the header itself sits to the left of that and is never read.
// Without STAY_TRUSTED_PROXIES the header is ignored altogether: anyone can send one.
//
// IPv6 callers are counted per /64 network: one subscriber usually holds a whole /64 and can pick any address
// in it, so a per-address count would be no limit at all. IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address.

import { BlockList, isIP } from 'node:net';

/** "::ffff:192.0.2.1" → "192.0.2.1", "[2001:db8::1]" → "2001:db8::1", lowercase; null when not an IP address. */
export function normaliseAddress(raw) {
  if (typeof raw !== 'string') return null;
  let address = raw.trim().toLowerCase();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address : null;
}

const family = (address) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Parses STAY_TRUSTED_PROXIES: addresses and CIDR networks separated by commas or spaces, IPv4 or IPv6.
 * @returns {{ trusted: BlockList | null, problems: string[] }}  trusted is null when the list is empty
 */
export function parseTrustedProxies(raw) {
  const entries = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return { trusted: null, problems: [] };
  const trusted = new BlockList();
  const problems = [];
  for (const entry of entries) {
    const [base, prefix, extra] = entry.split('/');
    const address = normaliseAddress(base);
    const bits = isIP(address ?? '') === 6 ? 128 : 32;
    if (!address || extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
      problems.push(`STAY_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR network (e.g. 10.0.0.0/8)`);
    } else if (prefix === undefined) {
      trusted.addAddress(address, family(address));
    } else {
      trusted.addSubnet(address, Number(prefix), family(address));
    }
  }
  return { trusted, problems };
}

function isTrusted(trusted, address) {
  return Boolean(trusted) && trusted.check(address, family(address));
}

/**
 * The client's address.
 * @param {string | undefined} peer          the TCP peer (socket.remoteAddress)
 * @param {string | null} forwardedFor       the X-Forwarded-For header (several headers joined with commas)
 * @param {BlockList | null} trusted         STAY_TRUSTED_PROXIES
 */
export function clientAddress(peer, forwardedFor, trusted) {
  let client = normaliseAddress(peer) ?? 'unknown';
  if (!isTrusted(trusted, client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // A hop that is no address was not written by a trusted proxy: stop at the last address one vouched for.
    if (!hop) return client;
    client = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return client;
}

/** The rate-limit key of an address: itself for IPv4, its /64 network for IPv6. */
export function addressKey(address) {
  if (isIP(address) !== 6) return address;
  // Expand "::" so that the first four groups are the /64 prefix.
  const [head, tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
