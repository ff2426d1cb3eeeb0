export const ROLES = ['OFFICER', 'FINANCE', 'CONTRACT_MANAGER', 'PROVIDER_ADMIN', 'ORG_ADMIN', 'OPERATOR'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['MUNICIPALITY', 'ASSOCIATION', 'PROVIDER', 'OPERATOR'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Who is calling: a signed-in user or an API key, always on behalf of one organisation (the tenant). */
export interface Principal {
  kind: 'user' | 'api-key';
  /** The user id or the API key id. */
  id: string;
  userId: string | null;
  apiKeyId: string | null;
  organisationId: string;
  organisationKind: OrganisationKind;
  municipalityCode: string | null;
  roles: Role[];
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role) || principal.roles.includes('OPERATOR');
}

export function isOperator(principal: Principal): boolean {
  return principal.roles.includes('OPERATOR');
}
