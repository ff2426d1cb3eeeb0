import { assertUnreachable, DomainError } from '@wmo/common';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  LoginThrottled = 'LOGIN_THROTTLED',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  UserNotFound = 'USER_NOT_FOUND',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  SelfLockout = 'SELF_LOCKOUT',
  RolesTooWide = 'ROLES_TOO_WIDE',
  NotForApiKeys = 'NOT_FOR_API_KEYS',
}

const TITLES: Record<IdentityErrorCode, string> = {
  [IdentityErrorCode.InvalidCredentials]: 'E-mail address or password is incorrect',
  [IdentityErrorCode.LoginThrottled]: 'Too many failed sign-in attempts',
  [IdentityErrorCode.InvalidRefreshToken]: 'Refresh token is invalid or has expired',
  [IdentityErrorCode.RefreshTokenReused]: 'Refresh token was already used',
  [IdentityErrorCode.UserNotFound]: 'User not found',
  [IdentityErrorCode.OrganisationNotFound]: 'Organisation not found',
  [IdentityErrorCode.ApiKeyNotFound]: 'API key not found',
  [IdentityErrorCode.EmailTaken]: 'E-mail address already in use',
  [IdentityErrorCode.SelfLockout]: 'You cannot lock yourself out',
  [IdentityErrorCode.RolesTooWide]: 'Roles not allowed',
  [IdentityErrorCode.NotForApiKeys]: 'Not available to API keys',
};

export class IdentityError extends DomainError {
  readonly title: string;

  constructor(
    readonly code: IdentityErrorCode,
    detail: string,
    extensions: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(detail, extensions);
    this.title = TITLES[code];
  }

  override headers(): Record<string, string> {
    return this.retryAfterSeconds ? { 'Retry-After': String(this.retryAfterSeconds) } : {};
  }

  httpStatus(): number {
    switch (this.code) {
      case IdentityErrorCode.InvalidCredentials:
      case IdentityErrorCode.InvalidRefreshToken:
      case IdentityErrorCode.RefreshTokenReused:
        return 401;
      case IdentityErrorCode.LoginThrottled:
        return 429;
      case IdentityErrorCode.UserNotFound:
      case IdentityErrorCode.OrganisationNotFound:
      case IdentityErrorCode.ApiKeyNotFound:
        return 404;
      case IdentityErrorCode.EmailTaken:
      case IdentityErrorCode.SelfLockout:
        return 409;
      case IdentityErrorCode.RolesTooWide:
        return 422;
      case IdentityErrorCode.NotForApiKeys:
        return 403;
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const organisationNotFound = (id: string) =>
  new IdentityError(IdentityErrorCode.OrganisationNotFound, `There is no organisation ${id}.`);

export const userNotFound = (id: string) =>
  new IdentityError(IdentityErrorCode.UserNotFound, `There is no user ${id} in your organisation.`);

export const emailTaken = (email: string) =>
  new IdentityError(IdentityErrorCode.EmailTaken, `The e-mail address ${email} already has an account.`);
