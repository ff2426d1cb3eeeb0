import { ErrorCatalogue, FeatureError } from '@wmo/common';

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

const IDENTITY_ERRORS: ErrorCatalogue<IdentityErrorCode> = {
  [IdentityErrorCode.InvalidCredentials]: { status: 401, title: 'E-mail address or password is incorrect' },
  [IdentityErrorCode.LoginThrottled]: { status: 429, title: 'Too many failed sign-in attempts' },
  [IdentityErrorCode.InvalidRefreshToken]: { status: 401, title: 'Refresh token is invalid or has expired' },
  [IdentityErrorCode.RefreshTokenReused]: { status: 401, title: 'Refresh token was already used' },
  [IdentityErrorCode.UserNotFound]: { status: 404, title: 'User not found' },
  [IdentityErrorCode.OrganisationNotFound]: { status: 404, title: 'Organisation not found' },
  [IdentityErrorCode.ApiKeyNotFound]: { status: 404, title: 'API key not found' },
  [IdentityErrorCode.EmailTaken]: { status: 409, title: 'E-mail address already in use' },
  [IdentityErrorCode.SelfLockout]: { status: 409, title: 'You cannot lock yourself out' },
  [IdentityErrorCode.RolesTooWide]: { status: 422, title: 'Roles not allowed' },
  [IdentityErrorCode.NotForApiKeys]: { status: 403, title: 'Not available to API keys' },
};

export class IdentityError extends FeatureError<IdentityErrorCode> {
  constructor(
    code: IdentityErrorCode,
    detail: string,
    extensions: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(code, detail, extensions);
  }

  protected catalogue(): ErrorCatalogue<IdentityErrorCode> {
    return IDENTITY_ERRORS;
  }

  override headers(): Record<string, string> {
    return this.retryAfterSeconds ? { 'Retry-After': String(this.retryAfterSeconds) } : {};
  }
}

export const organisationNotFound = (id: string) =>
  new IdentityError(IdentityErrorCode.OrganisationNotFound, `There is no organisation ${id}.`);

export const userNotFound = (id: string) =>
  new IdentityError(IdentityErrorCode.UserNotFound, `There is no user ${id} in your organisation.`);

export const emailTaken = (email: string) =>
  new IdentityError(IdentityErrorCode.EmailTaken, `The e-mail address ${email} already has an account.`);
