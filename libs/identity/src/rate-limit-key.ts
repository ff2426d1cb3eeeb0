import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { API_KEY_PREFIX } from './credentials';
import type { AccessTokenClaims } from './principal.factory';
import { VerifiedCredentials } from './verified-credentials';

/**
 * The bucket of the general rate limit a request counts against: its principal when its
 * credential verifies, else its client address (request.ip, which honours X-Forwarded-For only
 * from TRUSTED_PROXIES). A made-up bearer or API key therefore counts against the sender's
 * address, so changing it on every request gains nothing.
 *
 * It runs before the guards, on every request, without a database read: an access token is
 * looked up among those already verified, else its signature, issuer, audience and expiry are
 * checked (an HMAC, microseconds); an API key counts as its own only once the API key strategy
 * has verified it (its first request counts against the address).
 */
@Injectable()
export class RateLimitKeys {
  constructor(
    private readonly credentials: VerifiedCredentials,
    private readonly jwt: JwtService,
  ) {}

  keyFor(request: FastifyRequest): string {
    const principal = this.principalOf(request);
    return principal ? `principal:${principal}` : `ip:${request.ip}`;
  }

  private principalOf(request: FastifyRequest): string | undefined {
    const header = request.headers['x-api-key'];
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const apiKey = typeof header === 'string' ? header : bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined;
    if (apiKey !== undefined) {
      const id = this.credentials.apiKeyId(apiKey);
      return id ? `api-key:${id}` : undefined;
    }
    if (!bearer) return undefined;
    const cached = this.credentials.tokens.get(bearer);
    if (cached) return `user:${cached.id}`;
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(bearer);
      return claims.typ === 'access' && typeof claims.sub === 'string' ? `user:${claims.sub}` : undefined;
    } catch {
      return undefined;
    }
  }
}
