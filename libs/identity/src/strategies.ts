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

/** Access tokens: HS256 only (never `none` or another algorithm), issuer and audience checked, 15 minutes. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(@Inject(IDENTITY_OPTIONS) options: IdentityOptions) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: options.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Principal | false {
    return claims.typ === 'access' ? principalFromClaims(claims) : false;
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
