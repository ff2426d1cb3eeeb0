/** The API's answers as far as the portal uses them (see /api/docs for the whole contract). */

export type Role = 'OFFICER' | 'FINANCE' | 'CONTRACT_MANAGER' | 'PROVIDER_ADMIN' | 'ORG_ADMIN' | 'OPERATOR';
export type OrganisationKind = 'MUNICIPALITY' | 'ASSOCIATION' | 'PROVIDER' | 'OPERATOR';

export interface Me {
  id: string;
  kind: 'user' | 'api-key';
  email: string | null;
  name: string;
  roles: Role[];
  organisation: { id: string; kind: OrganisationKind; name: string; municipalityCode: string | null };
}
