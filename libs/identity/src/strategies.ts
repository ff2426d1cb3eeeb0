import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy as CustomStrategy } from 'passport-custom';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { Principal } from '@wmo/tenancy';
import { AuthService } from './auth.service';
import { API_KEY_PREFIX } from './credentials';
import { IDENTITY_OPTIONS, IdentityOptions, JWT_ALGORITHM } from './identity.options';
import { AccessCredential, CredentialRevocations } from './credential-revocations';
import { AccessCredentialClaims, AccessTokenClaims, principalFromClaims } from './principal.factory';
import { VerifiedCredentials } from './verified-credentials';

/** POST /auth/login: e-mail and password (passport-local). */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<Principal> {
    return this.auth.verifyCredentials(email, password);
  }
}

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/** Access tokens: HS256 only (never `none` or another algorithm), issuer and audience checked, 15 minutes. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  private readonly verified: VerifiedCredentials['tokens'];
  /** What each cached principal's token said about its credential, asked again on every request. */
  private readonly credentialOf = new WeakMap<Principal, AccessCredential>();

  constructor(
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
    credentials: VerifiedCredentials,
    private readonly revocations: CredentialRevocations,
  ) {
    super({
      jwtFromRequest: bearerToken,
      passReqToCallback: true,
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every request.
      secretOrKey: createSecretKey(Buffer.from(options.jwtSecret, 'utf8')) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
      ignoreExpiration: false,
    });
    this.verified = credentials.tokens;
  }

  /**
   * A token verified before (and not yet expired) is accepted as verified then, while its
   * credential still stands (not changed or ended since: two Map lookups); any other goes through
   * passport-jwt.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- passport's signature
  override authenticate(request: any, options?: object): void {
    const token = bearerToken(request);
    const principal = token ? this.verified.get(token) : undefined;
    if (principal) {
      const credential = this.credentialOf.get(principal);
      if (credential && this.revocations.allows(credential))
        return (this as unknown as { success(user: Principal): void }).success(principal);
      // Revoked: verified afresh below, where validate refuses it.
      this.verified.delete(token!);
    }
    return (JwtStrategyBase.prototype.authenticate as (this: unknown, req: unknown, options?: object) => void).call(
      this,
      request,
      options,
    );
  }

  /**
   * The signature, algorithm, issuer, audience and expiry are checked by passport-jwt; a token
   * without `exp` (jsonwebtoken accepts one forever), or without the credentials version and the
   * session it was issued for, is refused.
   */
  validate(request: FastifyRequest, claims: AccessTokenClaims & Partial<AccessCredentialClaims>): Principal | false {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') return false;
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return false;
    if (!Number.isSafeInteger(claims.ver) || typeof claims.sid !== 'string') return false;
    const credential: AccessCredential = { userId: claims.sub, version: claims.ver!, sessionId: claims.sid };
    if (!this.revocations.allows(credential)) return false;
    const principal = principalFromClaims(claims);
    this.credentialOf.set(principal, credential);
    this.verified.set(bearerToken(request)!, principal, claims.exp);
    return principal;
  }
}

/** API keys of machine clients, as `Authorization: Bearer wmo_...` or `X-Api-Key: wmo_...`. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(CustomStrategy, 'api-key') {
  constructor(
    private readonly auth: AuthService,
    private readonly credentials: VerifiedCredentials,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Principal | false> {
    const header = request.headers['x-api-key'];
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const secret = typeof header === 'string' ? header : bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined;
    if (!secret) return false;
    const principal = await this.auth.principalForApiKey(secret);
    if (!principal) return false;
    // The rate limit counts this key's next requests against the key itself (rate-limit-key.ts).
    this.credentials.rememberApiKey(secret, principal.id);
    return principal;
  }
}
