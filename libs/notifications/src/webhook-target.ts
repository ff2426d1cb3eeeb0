import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { FieldError } from '@wmo/common';
import { INTERNAL_TARGET } from './notifications.rules';
import { firstInternalAddress, ipLiteralOf, isInternalAddress, isLocalhostName } from './webhook-address.rules';

/** A webhook target that resolves to an internal address (or does not resolve). */
export class InternalTargetError extends Error {
  // The address itself is not told: the error is shown to whoever registered the hook (no map of the internal network).
  constructor(hostname: string, reason: 'internal' | 'unresolved' = 'internal') {
    super(
      `${hostname} ${reason === 'internal' ? 'resolves to an internal address' : 'does not resolve'}: not delivered`,
    );
    this.name = 'InternalTargetError';
  }
}

/** Every address a host name resolves to (of one family, or 0 for both), as the system resolver answers. */
export type Resolver = (hostname: string, family: number) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname, family) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, family, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * At registration: the problem with a URL's host once resolved (every address it resolves to must
 * be public), else null. A literal address was judged by checkWebhookUrl already.
 */
export async function resolvedTargetProblem(
  hostname: string,
  resolve: Resolver = systemResolver,
): Promise<FieldError | null> {
  if (isLocalhostName(hostname)) return { field: 'url', message: INTERNAL_TARGET };
  if (ipLiteralOf(hostname) !== null) return null;
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(hostname, 0);
  } catch {
    return { field: 'url', message: `url's host ${hostname} could not be resolved` };
  }
  return firstInternalAddress(addresses.map((a) => a.address)) !== null
    ? { field: 'url', message: INTERNAL_TARGET }
    : null;
}

/**
 * At delivery: a lookup for the HTTP client that resolves the host once, refuses it when any of
 * its addresses is internal, and hands the client exactly the addresses it checked, so the
 * connection goes to a checked address (a DNS answer that changes between check and connect,
 * DNS rebinding, cannot redirect it). The client never resolves a literal address: see
 * internalLiteral.
 */
export function publicOnlyLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    if (isLocalhostName(hostname)) return callback(new InternalTargetError(hostname), '', 0);
    resolve(hostname, typeof options.family === 'number' ? options.family : 0).then(
      (addresses) => {
        const internal = firstInternalAddress(addresses.map((a) => a.address));
        if (internal !== null || !addresses.length)
          return callback(new InternalTargetError(hostname, internal === null ? 'unresolved' : 'internal'), '', 0);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** The URL's host when it is a literal internal address (never resolved, so checked here), else null. */
export function internalLiteral(hostname: string): string | null {
  const literal = ipLiteralOf(hostname);
  return literal !== null && isInternalAddress(literal) ? literal : null;
}
