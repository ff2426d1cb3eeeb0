import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Principal, ScopedDatabase, TenantContext, Transaction, UnscopedDatabase } from '@wmo/tenancy';
import { ApiKeyRepository } from './api-key.repository';
import { CredentialRevocations } from './credential-revocations';
import { API_KEY_PREFIX, dummyPasswordHash, newOpaqueToken, sha256, verifyPassword } from './credentials';
import { OrganisationEntity, UserEntity } from './identity.entities';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { ACCESS_TOKEN_TTL_SECONDS, LOGIN_THROTTLE, REFRESH_TOKEN_TTL_SECONDS } from './identity.options';
import { apiKeyUseWorthRecording, normaliseEmail, signInThrottled } from './identity.rules';
import { LoginFailureRepository } from './login-failure.repository';
import { OrganisationRepository } from './organisation.repository';
import { claimsFor, principalFromClaims } from './principal.factory';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserRepository } from './user.repository';

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
  private readonly organisationFacts = new Map<string, OrganisationFacts>();

  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly scoped: ScopedDatabase,
    private readonly context: TenantContext,
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly loginFailures: LoginFailureRepository,
    private readonly revocations: CredentialRevocations,
  ) {}

  /**
   * Checks e-mail and password (passport-local calls this). Five failures for one address within
   * 15 minutes lock it for the rest of that window, whether or not the address has an account, so
   * the answer reveals nothing about which addresses exist.
   */
  async verifyCredentials(rawEmail: string, password: string): Promise<Principal> {
    const email = normaliseEmail(rawEmail);
    // Counted as a failure before the password is checked, and only while the address is not
    // locked, in one step per address: of any number of parallel guesses at most five get checked.
    await this.beginAttempt(email);
    const user = await this.unscoped.unscopedCredentialLookup('app.login_email', email, (tx) =>
      this.users.findByEmail(tx, email),
    );
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !passwordOk || !user.active) throw invalidCredentials();
    await this.unscoped.unscopedSystemTransaction((tx) => this.loginFailures.clear(tx, email));
    return this.principalOf(user);
  }

  /** After a successful check: a session (refresh-token family) and its first tokens. */
  async startSession(principal: Principal): Promise<TokenPair> {
    return this.context.runAs(principal, () =>
      this.scoped.transaction(async (tx) => {
        // Roles and credentials version as they are now, read together: a change since the
        // password check must not end up in a token that carries the new version with old roles.
        const user = await this.users.recordLogin(tx, principal.userId!, new Date());
        if (!user?.active) throw invalidCredentials();
        const current = { ...principal, roles: user.roles };
        const pair = await this.issueTokens(tx, current, randomUUID(), user.credentialsVersion);
        await tx.audit({ action: 'auth.login', entityType: 'user', entityId: principal.userId });
        return pair;
      }),
    );
  }

  /** Rotates a refresh token. A token presented a second time revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = sha256(refreshToken);
    const token = await this.unscoped.unscopedCredentialLookup('app.refresh_token_hash', tokenHash, (tx) =>
      this.refreshTokens.findByHash(tx, tokenHash),
    );
    if (!token) throw invalidRefreshToken();
    const user = await this.unscoped.unscopedSystemTransaction((tx) => this.users.findById(tx, token.userId));
    if (!user) throw invalidRefreshToken();
    const principal = await this.principalOf(user);

    const outcome = await this.context.runAs(principal, () =>
      this.scoped.transaction(async (tx) => {
        // Of two concurrent uses, exactly one claims the token.
        if (!(await this.refreshTokens.claim(tx, token.id))) {
          // Not claimable: expired, or already used or revoked (possibly by a request a moment ago).
          if (token.expiresAt > new Date()) {
            await this.refreshTokens.revokeFamily(tx, token.familyId, 'reuse-detected');
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
          await this.refreshTokens.revokeFamily(tx, token.familyId, 'user-deactivated');
          return 'expired' as const;
        }
        return this.issueTokens(tx, principal, token.familyId, user.credentialsVersion);
      }),
    );
    if (outcome === 'reused') {
      this.revocations.sessionEnded(token.familyId);
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
    const token = await this.unscoped.unscopedCredentialLookup('app.refresh_token_hash', tokenHash, (tx) =>
      this.refreshTokens.findByHash(tx, tokenHash),
    );
    if (!token) return;
    const user = await this.unscoped.unscopedSystemTransaction((tx) => this.users.findById(tx, token.userId));
    if (!user) return;
    await this.context.runAs(await this.principalOf(user), () =>
      this.scoped.transaction(async (tx) => {
        await this.refreshTokens.revokeFamily(tx, token.familyId, 'logout');
        await tx.audit({ action: 'auth.logout', entityType: 'user', entityId: user.id });
      }),
    );
    // Every process hears of it when the transaction commits; this one at once.
    this.revocations.sessionEnded(token.familyId);
  }

  /** The principal of an API key sent as `Authorization: Bearer wmo_...` or `X-Api-Key`; null when unknown or revoked. */
  async principalForApiKey(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const keyHash = sha256(secret);
    const key = await this.unscoped.unscopedCredentialLookup('app.api_key_hash', keyHash, (tx) =>
      this.apiKeys.findByHash(tx, keyHash),
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
    const now = new Date();
    if (apiKeyUseWorthRecording(key.lastUsedAt, now)) {
      await this.context.runAs(principal, () =>
        this.scoped.transaction((tx) => this.apiKeys.recordUse(tx, key.id, now)),
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
    let facts = this.organisationFacts.get(id);
    if (!facts) {
      const { kind, municipalityCode } = await this.unscoped.unscopedSystemTransaction((tx) =>
        this.organisations.getById(tx, id),
      );
      this.organisationFacts.set(id, (facts = { id, kind, municipalityCode }));
    }
    return facts;
  }

  private async issueTokens(
    tx: Transaction,
    principal: Principal,
    familyId: string,
    credentialsVersion: number,
  ): Promise<TokenPair> {
    const refreshToken = newOpaqueToken();
    await this.refreshTokens.insert(tx, {
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
        ver: credentialsVersion,
        sid: familyId,
      },
      { subject: principal.userId!, jwtid: randomUUID() },
    );
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  /** Records the attempt as a failure (cleared when the password is right), or throws the 429 when the address is locked. */
  private async beginAttempt(email: string): Promise<void> {
    const window = await this.unscoped.unscopedSystemTransaction((tx) =>
      this.loginFailures.recordAttemptUnlessLocked(tx, email, LOGIN_THROTTLE.windowSeconds, LOGIN_THROTTLE.maxFailures),
    );
    const throttled = signInThrottled(window);
    if (throttled) throw throttled;
  }
}
