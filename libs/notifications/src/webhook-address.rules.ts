import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may reach outside development and tests: public unicast only. Refused
 * are loopback, link-local, private (RFC 1918), unique-local (fc00::/7), unspecified, multicast,
 * broadcast, carrier-grade NAT, reserved and documentation ranges, the IPv6 forms that embed an
 * IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) and anything else ipaddr.js does not call
 * `unicast`, so that a webhook cannot be aimed at the platform's own network (SSRF).
 */
export function isInternalAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  // The deprecated IPv4-compatible form (::/96, e.g. ::7f00:1 for 127.0.0.1), which ipaddr.js calls unicast.
  if (parsed.kind() === 'ipv6' && parsed.match(ipaddr.parseCIDR('::/96'))) return true;
  return parsed.range() !== 'unicast';
}

/** The host of a URL as an IP address when it is one (`[::1]` unbracketed), else null. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

/** `localhost` and its subdomains resolve to loopback by definition (RFC 6761), whatever DNS says. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The first address of `addresses` a webhook may not reach, else null. */
export function firstInternalAddress(addresses: readonly string[]): string | null {
  return addresses.find(isInternalAddress) ?? null;
}
