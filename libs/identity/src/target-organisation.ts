import type { TenantTransaction } from '@wmo/tenancy';
import { organisationNotFound } from './identity.errors';
import { targetOrganisation } from './identity.rules';
import { OrganisationRepository } from './organisation.repository';

/** The organisation a request is about (see the rule `targetOrganisation`), checked to exist when an operator names one. */
export async function resolveTargetOrganisation(
  tx: TenantTransaction,
  organisations: OrganisationRepository,
  requested: string | undefined,
): Promise<string> {
  const { organisationId, mustExist } = targetOrganisation(tx.principal, requested);
  if (mustExist && !(await organisations.exists(tx, organisationId))) throw organisationNotFound(organisationId);
  return organisationId;
}
