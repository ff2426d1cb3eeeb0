import { OrganisationKind, Role } from '@wmo/tenancy';

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

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
