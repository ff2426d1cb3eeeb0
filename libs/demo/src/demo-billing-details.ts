import { OrganisationDirectory } from '@wmo/identity';
import { seedBillingDetails } from '@wmo/invoicing';
import type { PlatformTransaction } from '@wmo/tenancy';

/**
 * Real, public billing details only: the published visiting address (bezoekadres) of five town
 * halls, used as the invoice address in the demo. A municipality's own invoice address (often a
 * PO box) and its OIN are not in the data we have, so no OIN is set: the demo shows every other
 * municipality without an address (a run holds them) and these five without an e-invoice address,
 * as a real first year would look. The bulk import (POST /api/v1/billing-details/imports) completes them.
 */
export const DEMO_TOWN_HALLS: ReadonlyArray<{ code: string; street: string; postalCode: string; city: string }> = [
  { code: 'GM0106', street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
  { code: 'GM0363', street: 'Amstel 1', postalCode: '1011 PN', city: 'Amsterdam' },
  { code: 'GM0599', street: 'Coolsingel 40', postalCode: '3011 AD', city: 'Rotterdam' },
  { code: 'GM0518', street: 'Spui 70', postalCode: '2511 BT', city: 'Den Haag' },
  { code: 'GM0344', street: 'Stadsplateau 1', postalCode: '3521 AZ', city: 'Utrecht' },
];

/** The VNG's published office address: it issues the allocation statements of the fund withholding. */
export const DEMO_VNG_ADDRESS = { street: 'Nassaulaan 12', postalCode: '2514 JS', city: 'Den Haag' } as const;

export async function seedDemoBillingDetails(tx: PlatformTransaction): Promise<void> {
  const directory = new OrganisationDirectory();
  for (const association of await directory.associations(tx))
    await seedBillingDetails(tx, association.id, {
      oin: null,
      kvkNumber: null,
      invoiceEmail: null,
      ...DEMO_VNG_ADDRESS,
    });
  const organisations = await directory.municipalityOrganisations(
    tx,
    DEMO_TOWN_HALLS.map((t) => t.code),
  );
  for (const hall of DEMO_TOWN_HALLS) {
    const organisation = organisations.find((o) => o.municipalityCode === hall.code);
    if (!organisation) continue;
    await seedBillingDetails(tx, organisation.id, {
      oin: null,
      kvkNumber: null,
      street: hall.street,
      postalCode: hall.postalCode,
      city: hall.city,
      invoiceEmail: null,
    });
  }
}
