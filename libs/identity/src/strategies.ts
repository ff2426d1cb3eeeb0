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
import { AccessTokenClaims, principalFromClaims } from './principal.factory';
import { VerifiedTokenCache } from './verified-token-cache';

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
  private readonly verified = new VerifiedTokenCache();

  constructor(@Inject(IDENTITY_OPTIONS) options: IdentityOptions) {
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
  }

  /** A token verified before (and not yet expired) is accepted as verified then; any other goes through passport-jwt. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- passport's signature
  override authenticate(request: any, options?: object): void {
    const token = bearerToken(request);
    const principal = token ? this.verified.get(token) : undefined;
    if (principal) return (this as unknown as { success(user: Principal): void }).success(principal);
    return (JwtStrategyBase.prototype.authenticate as (this: unknown, req: unknown, options?: object) => void).call(
      this,
      request,
      options,
    );
  }

  validate(request: FastifyRequest, claims: AccessTokenClaims & { exp: number }): Principal | false {
    if (claims.typ !== 'access') return false;
    const principal = principalFromClaims(claims);
    this.verified.set(bearerToken(request)!, principal, claims.exp);
    return principal;
  }
}

/** API keys of machine clients, as `Authorization: Bearer wmo_...` or `X-Api-Key: wmo_...`. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(CustomStrategy, 'api-key') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Principal | false> {
    const header = request.headers['x-api-key'];
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const secret = typeof header === 'string' ? header : bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined;
    if (!secret) return false;
    return (await this.auth.principalForApiKey(secret)) ?? false;
  }
}
