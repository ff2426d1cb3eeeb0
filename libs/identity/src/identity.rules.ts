import { hasRole, isOperator, OrganisationKind, Principal, Role } from '@wmo/tenancy';
import { IdentityError, IdentityErrorCode, organisationNotFound } from './identity.errors';
import { LOGIN_THROTTLE } from './identity.options';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
const COMMON = new Set([
  'wachtwoord123',
  'password1234',
  'welkom123456',
  '123456789012',
  'qwertyuiopas',
  'wachtwoord1234',
]);

/** Why a password is not acceptable; empty when it is. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH)
    problems.push(`password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (password.length > MAX_PASSWORD_LENGTH)
    problems.push(`password must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  if (
    password.toLowerCase() === email.toLowerCase() ||
    password.toLowerCase().includes(email.split('@')[0].toLowerCase() + '@')
  ) {
    problems.push('password must not be the e-mail address');
  }
  if (/^(.)\1*$/.test(password)) problems.push('password must not repeat a single character');
  if (COMMON.has(password.toLowerCase())) problems.push('password is too common');
  return problems;
}

/** E-mail addresses are unique regardless of case: stored and compared trimmed, in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Which roles make sense in which kind of organisation. */
const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  MUNICIPALITY: ['OFFICER', 'FINANCE', 'ORG_ADMIN'],
  ASSOCIATION: ['CONTRACT_MANAGER', 'FINANCE', 'OFFICER', 'ORG_ADMIN'],
  PROVIDER: ['PROVIDER_ADMIN', 'FINANCE', 'ORG_ADMIN'],
  OPERATOR: ['OPERATOR', 'ORG_ADMIN'],
};

export function rolesAllowedFor(kind: OrganisationKind): readonly Role[] {
  return ROLES_BY_KIND[kind];
}

/**
 * A user's roles must fit the kind of its organisation, and nobody (user or API key) grants a role
 * it does not hold itself: otherwise an ORG_ADMIN, or a key holding only ORG_ADMIN, could make an
 * account wider than itself and sign in as it. An OPERATOR holds every role.
 */
export function assertRolesGrantable(principal: Principal, roles: readonly Role[], kind: OrganisationKind): void {
  const allowed = rolesAllowedFor(kind);
  const misfits = roles.filter((role) => !allowed.includes(role));
  if (misfits.length) {
    throw new IdentityError(
      IdentityErrorCode.RolesTooWide,
      `${misfits.join(', ')} cannot be given in an organisation of kind ${kind}; allowed: ${allowed.join(', ')}.`,
    );
  }
  if (roles.includes('OPERATOR') && !isOperator(principal)) {
    throw new IdentityError(IdentityErrorCode.RolesTooWide, 'Only an OPERATOR can make someone an OPERATOR.');
  }
  const notHeld = roles.filter((role) => !hasRole(principal, role));
  if (notHeld.length) {
    throw new IdentityError(
      IdentityErrorCode.RolesTooWide,
      `You can only give roles you have yourself; you do not have ${notHeld.join(', ')}.`,
    );
  }
}

/** API keys are made by signed-in users, and a key's roles are never wider than its creator's. */
export function assertApiKeyGrantable(principal: Principal, roles: readonly Role[]): void {
  if (principal.kind !== 'user')
    throw new IdentityError(
      IdentityErrorCode.NotForApiKeys,
      'API keys are created by a signed-in user, not by another key.',
    );
  const wider = roles.filter((role) => !hasRole(principal, role));
  if (wider.length) {
    throw new IdentityError(
      IdentityErrorCode.RolesTooWide,
      `A key cannot have roles you do not have yourself: ${wider.join(', ')}.`,
    );
  }
}

/**
 * The organisation a request is about: the caller's own, or for an operator the one asked for
 * (whose existence the caller must still check: `mustExist`). Anyone else asking for another
 * organisation gets a 404, as if it did not exist.
 */
export function targetOrganisation(
  principal: Principal,
  requested: string | undefined,
): { organisationId: string; mustExist: boolean } {
  const own = principal.organisationId;
  if (!requested || requested === own) return { organisationId: own, mustExist: false };
  if (!isOperator(principal)) throw organisationNotFound(requested);
  return { organisationId: requested, mustExist: true };
}

export interface UserChange {
  active?: boolean | null;
  roles?: Role[] | null;
}

/** Nobody deactivates themselves or drops their own ORG_ADMIN role: another administrator must. */
export function assertNoSelfLockout(
  principal: Principal,
  user: { id: string; roles: readonly Role[] },
  change: UserChange,
): void {
  if (user.id !== principal.userId) return;
  if (change.active === false)
    throw new IdentityError(IdentityErrorCode.SelfLockout, 'You cannot deactivate yourself.');
  if (change.roles && user.roles.includes('ORG_ADMIN') && !change.roles.includes('ORG_ADMIN')) {
    throw new IdentityError(
      IdentityErrorCode.SelfLockout,
      'You cannot take away your own ORG_ADMIN role; ask another administrator.',
    );
  }
}

/** Sessions carry the roles and the active state they began with: a change of either ends them. */
export function changeEndsSessions(change: UserChange): boolean {
  return change.active === false || Boolean(change.roles);
}

/**
 * Five failed sign-ins for one address within 15 minutes lock it for the rest of that window: a
 * 429 whose Retry-After runs until the oldest failure leaves the window; null while not locked.
 */
export function signInThrottled(window: { failures: number; retryAfter: number | null }): IdentityError | null {
  if (window.failures < LOGIN_THROTTLE.maxFailures) return null;
  const retryAfter = Math.max(1, window.retryAfter ?? LOGIN_THROTTLE.windowSeconds);
  return new IdentityError(
    IdentityErrorCode.LoginThrottled,
    `Too many failed sign-in attempts for this e-mail address. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    {},
    retryAfter,
  );
}

/** An API key's last use is written at most every five minutes, not on every request. */
export function apiKeyUseWorthRecording(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() > 5 * 60_000;
}

/** The organisation of a municipality is named after it. */
export function municipalityOrganisationName(municipalityName: string): string {
  return `Gemeente ${municipalityName}`;
}
