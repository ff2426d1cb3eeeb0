import { isOperator, Principal } from '@wmo/tenancy';
import { ComplianceError, ComplianceErrorCode } from './compliance.errors';

/**
 * Who sees a municipality's obligations: the municipality itself, the VNG and operators always;
 * a provider if it serves (or served) the municipality under an activated contract, which only
 * the contracts can tell; for anyone else the municipality does not exist.
 */
export function obligationsAccess(principal: Principal, code: string): 'GRANTED' | 'IF_SERVED' | 'DENIED' {
  if (principal.municipalityCode === code || principal.organisationKind === 'ASSOCIATION' || isOperator(principal))
    return 'GRANTED';
  return principal.organisationKind === 'PROVIDER' ? 'IF_SERVED' : 'DENIED';
}

/** The national overview: every municipality for the VNG and operators, those it serves for a provider; a municipality is refused. */
export function overviewAccess(principal: Principal): 'ALL' | 'SERVED' {
  if (principal.organisationKind === 'ASSOCIATION' || isOperator(principal)) return 'ALL';
  if (principal.organisationKind === 'PROVIDER') return 'SERVED';
  throw new ComplianceError(
    ComplianceErrorCode.OverviewNotAllowed,
    'The national overview is for the VNG, providers and operators; a municipality sees its own obligations at /api/v1/municipalities/{code}/obligations.',
  );
}

/** The council report is narrower than the obligations: the municipality itself and operators only. */
export function mayReadReport(principal: Principal, code: string): boolean {
  return principal.municipalityCode === code || isOperator(principal);
}

export const municipalityNotFound = (code: string) =>
  new ComplianceError(
    ComplianceErrorCode.MunicipalityNotFound,
    `There is no municipality ${code} whose obligations you can see.`,
  );
