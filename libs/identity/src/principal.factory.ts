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

/** The claims that tie an access token to the credential it was issued for (see CredentialRevocations). */
export interface AccessCredentialClaims {
  /** The user's credentials version at issue. */
  ver: number;
  /** The session (refresh-token family). */
  sid: string;
  exp: number;
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
