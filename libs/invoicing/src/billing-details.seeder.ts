import type { PlatformTransaction } from '@wmo/tenancy';
import { BillingDetailsRepository } from './billing-details.repository';
import type { CustomerBilling } from './invoicing.rules';

const repository = new BillingDetailsRepository();

/**
 * Billing details for an organisation that has none (demo data): details a user has set since are
 * never overwritten. True when they were written.
 */
export async function seedBillingDetails(
  tx: PlatformTransaction,
  organisationId: string,
  details: CustomerBilling,
): Promise<boolean> {
  if (await repository.byOrganisation(tx, organisationId)) return false;
  await repository.upsert(tx, organisationId, details);
  return true;
}
