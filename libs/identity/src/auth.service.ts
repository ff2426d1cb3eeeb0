import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from 'typeorm';
import { Principal, ScopedDatabase, TenantContext, UnscopedDatabase } from '@wmo/tenancy';
import { ApiKeyEntity } from './api-key.entity';
import { API_KEY_PREFIX, dummyPasswordHash, newOpaqueToken, sha256, verifyPassword } from './credentials';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  IDENTITY_OPTIONS,
  IdentityOptions,
  LOGIN_THROTTLE,
  REFRESH_TOKEN_TTL_SECONDS,
} from './identity.options';
import { normaliseEmail } from './identity-rules';
import { LoginFailureEntity } from './login-failure.entity';
import { OrganisationEntity } from './organisation.entity';
import { claimsFor, principalFromClaims } from './principal.factory';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

const invalidCredentials = () =>
  new IdentityError(IdentityErrorCode.InvalidCredentials, 'The e-mail address or the password is incorrect.');
const invalidRefreshToken = () =>
  new IdentityError(
    IdentityErrorCode.InvalidRefreshToken,
    'The refresh token is unknown, revoked or expired. Sign in again.',
  );

type OrganisationFacts = Pick<OrganisationEntity, 'id' | 'kind' | 'municipalityCode'>;

@Injectable()
export class AuthService {
  private readonly organisations = new Map<string, OrganisationFacts>();

  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly scoped: ScopedDatabase,
    private readonly context: TenantContext,
    private readonly jwt: JwtService,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /**
   * Checks e-mail and password (passport-local calls this). Five failures for one address within
   * 15 minutes lock it for the rest of that window, whether or not the address has an account, so
   * the answer reveals nothing about which addresses exist.
   */
  async verifyCredentials(rawEmail: string, password: string): Promise<Principal> {
    const email = normaliseEmail(rawEmail);
    await this.assertNotThrottled(email);
    const user = await this.unscoped.unscopedCredentialLookup('app.login_email', email, ({ manager }) =>
      manager.findOneBy(UserEntity, { email }),
    );
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !passwordOk || !user.active) {
      await this.unscoped.unscopedSystemTransaction(({ manager }) => manager.insert(LoginFailureEntity, { email }));
      throw invalidCredentials();
    }
    await this.unscoped.unscopedSystemTransaction(({ manager }) => manager.delete(LoginFailureEntity, { email }));
    return this.principalOf(user);
  }

  /** After a successful check: a session (refresh-token family) and its first tokens. */
  async startSession(principal: Principal): Promise<TokenPair> {
    return this.context.runAs(principal, () =>
      this.scoped.transaction(async (tx) => {
        await tx.manager.update(UserEntity, { id: principal.userId! }, { lastLoginAt: new Date() });
        const pair = await this.issueTokens(tx.manager, principal, randomUUID());
        await tx.audit({ action: 'auth.login', entityType: 'user', entityId: principal.userId });
        return pair;
      }),
    );
  }

  /** Rotates a refresh token. A token presented a second time revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = sha256(refreshToken);
    const token = await this.unscoped.unscopedCredentialLookup('app.refresh_token_hash', tokenHash, ({ manager }) =>
      manager.findOneBy(RefreshTokenEntity, { tokenHash }),
    );
    if (!token) throw invalidRefreshToken();
    const user = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
      manager.findOneBy(UserEntity, { id: token.userId }),
    );
    if (!user) throw invalidRefreshToken();
    const principal = await this.principalOf(user);

    const outcome = await this.context.runAs(principal, () =>
      this.scoped.transaction(async (tx) => {
        // Claim the token atomically: of two concurrent uses, exactly one wins.
        const claimed = await tx.manager.query<[unknown[], number]>(
          `UPDATE refresh_token SET used_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
          [token.id],
        );
        if (claimed[1] === 0) {
          // Not claimable: expired, or already used or revoked (possibly by a request a moment ago).
          if (token.expiresAt > new Date()) {
            await this.revokeFamily(tx.manager, token.familyId, 'reuse-detected');
            await tx.audit({
              action: 'auth.refresh-token-reused',
              entityType: 'user',
              entityId: user.id,
              after: { familyId: token.familyId },
            });
            return 'reused' as const;
          }
          return 'expired' as const;
        }
        if (!user.active) {
          await this.revokeFamily(tx.manager, token.familyId, 'user-deactivated');
          return 'expired' as const;
        }
        return this.issueTokens(tx.manager, principal, token.familyId);
      }),
    );
    if (outcome === 'reused') {
      throw new IdentityError(
        IdentityErrorCode.RefreshTokenReused,
        'This refresh token was already used. As a precaution every session of this sign-in has been ended; sign in again.',
      );
    }
    if (outcome === 'expired') throw invalidRefreshToken();
    return outcome;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (logging out twice is fine). */
  async logout(refreshToken: string): Promise<void> {
    const tokenHash = sha256(refreshToken);
    const token = await this.unscoped.unscopedCredentialLookup('app.refresh_token_hash', tokenHash, ({ manager }) =>
      manager.findOneBy(RefreshTokenEntity, { tokenHash }),
    );
    if (!token) return;
    const user = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
      manager.findOneBy(UserEntity, { id: token.userId }),
    );
    if (!user) return;
    await this.context.runAs(await this.principalOf(user), () =>
      this.scoped.transaction(async (tx) => {
        await this.revokeFamily(tx.manager, token.familyId, 'logout');
        await tx.audit({ action: 'auth.logout', entityType: 'user', entityId: user.id });
      }),
    );
  }

  /** The principal of an API key sent as `Authorization: Bearer wmo_...` or `X-Api-Key`; null when unknown or revoked. */
  async principalForApiKey(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const keyHash = sha256(secret);
    const key = await this.unscoped.unscopedCredentialLookup('app.api_key_hash', keyHash, ({ manager }) =>
      manager.findOneBy(ApiKeyEntity, { keyHash }),
    );
    if (!key || key.revokedAt) return null;
    const organisation = await this.organisationOf(key.organisationId);
    const principal: Principal = {
      kind: 'api-key',
      id: key.id,
      userId: null,
      apiKeyId: key.id,
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      municipalityCode: organisation.municipalityCode,
      roles: key.roles,
    };
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 5 * 60_000) {
      await this.context.runAs(principal, () =>
        this.scoped.transaction((tx) => tx.manager.update(ApiKeyEntity, { id: key.id }, { lastUsedAt: new Date() })),
      );
    }
    return principal;
  }

  private async principalOf(user: UserEntity): Promise<Principal> {
    const organisation = await this.organisationOf(user.organisationId);
    return principalFromClaims(claimsFor(user, organisation));
  }

  /**
   * The kind and municipality of an organisation, which never change once it exists (there is no
   * way to edit them): read once per process, not in a transaction of its own for every API-key
   * request, sign-in and refresh.
   */
  private async organisationOf(id: string): Promise<OrganisationFacts> {
    let facts = this.organisations.get(id);
    if (!facts) {
      const { kind, municipalityCode } = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
        manager.findOneByOrFail(OrganisationEntity, { id }),
      );
      this.organisations.set(id, (facts = { id, kind, municipalityCode }));
    }
    return facts;
  }

  private async issueTokens(manager: EntityManager, principal: Principal, familyId: string): Promise<TokenPair> {
    const refreshToken = newOpaqueToken();
    await manager.insert(RefreshTokenEntity, {
      familyId,
      userId: principal.userId!,
      organisationId: principal.organisationId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    const accessToken = await this.jwt.signAsync(
      {
        org: principal.organisationId,
        okind: principal.organisationKind,
        mun: principal.municipalityCode,
        roles: principal.roles,
        typ: 'access',
      },
      { subject: principal.userId!, jwtid: randomUUID() },
    );
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  private async revokeFamily(manager: EntityManager, familyId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, reason],
    );
  }

  private async assertNotThrottled(email: string): Promise<void> {
    const [window] = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
      manager.query<Array<{ failures: number; retryAfter: number | null }>>(
        `SELECT count(*)::int AS failures,
                ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $2) - now()))::int AS "retryAfter"
           FROM login_failure WHERE email = $1 AND failed_at > now() - make_interval(secs => $2)`,
        [email, LOGIN_THROTTLE.windowSeconds],
      ),
    );
    if (window.failures >= LOGIN_THROTTLE.maxFailures) {
      const retryAfter = Math.max(1, window.retryAfter ?? LOGIN_THROTTLE.windowSeconds);
      throw new IdentityError(
        IdentityErrorCode.LoginThrottled,
        `Too many failed sign-in attempts for this e-mail address. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        {},
        retryAfter,
      );
    }
  }
}
