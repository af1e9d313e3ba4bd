import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is a public unicast one a webhook may be sent to. Everything else — private (RFC 1918,
 * IPv6 unique-local), loopback, link-local (with the cloud metadata address 169.254.169.254), carrier-grade NAT
 * (Alibaba's metadata 100.100.100.200), unspecified, broadcast, multicast, reserved, documentation, and the
 * IPv6 forms that embed an IPv4 address (6to4, Teredo, NAT64) — is refused: it reaches the server's own
 * network, not a receiver's. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it maps.
 * The ranges are ipaddr.js's (maintained, RFC-referenced tables): pure data and code, no I/O.
 */
export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

export function judgeAddress(address: string): AddressVerdict {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return { allowed: false, range: 'not an IP address' };
  const range = ipaddr.process(bare).range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
}

/** Whether a URL's host is an IP literal (v4, or v6 in brackets), as `new URL(…).hostname` gives it. */
export const isIpLiteral = (hostname: string): boolean => ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
