import { OrganisationKind, Principal, Role } from '@wmo/tenancy';

/** The claims of an access token: enough to act without a database read per request. */
export interface AccessTokenClaims {
  sub: string;
  org: string;
  okind: OrganisationKind;
  mun: string | null;
  roles: Role[];
  typ: 'access';
}

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return {
    kind: 'user',
    id: claims.sub,
    userId: claims.sub,
    apiKeyId: null,
    organisationId: claims.org,
    organisationKind: claims.okind,
    municipalityCode: claims.mun,
    roles: claims.roles,
  };
}

export function claimsFor(
  user: { id: string; roles: Role[] },
  organisation: { id: string; kind: OrganisationKind; municipalityCode: string | null },
): AccessTokenClaims {
  return {
    sub: user.id,
    org: organisation.id,
    okind: organisation.kind,
    mun: organisation.municipalityCode,
    roles: user.roles,
    typ: 'access',
  };
}
