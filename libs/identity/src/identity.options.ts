export interface IdentityOptions {
  jwtSecret: string;
  issuer: string;
  audience: string;
  /** Session cookies only over HTTPS (production). */
  secureCookies: boolean;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 12 * 60 * 60;
export const LOGIN_THROTTLE = { maxFailures: 5, windowSeconds: 15 * 60 };
export const JWT_ALGORITHM = 'HS256';
