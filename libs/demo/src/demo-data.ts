import type { DataSource } from 'typeorm';
import { upsertUser, UserSeed } from '@wmo/identity';
import { unscopedAsPlatform } from '@wmo/tenancy';
import { seedDemoBillingDetails } from './demo-billing-details';
import { seedDemoContracts } from './demo-contracts';
import { seedDemoStatistics } from './demo-statistics';

export const VNG = { kind: 'ASSOCIATION', name: 'Vereniging van Nederlandse Gemeenten' } as const;
export const SENSOOR = { kind: 'PROVIDER', name: 'Stichting Sensoor' } as const;
export const PLATFORM = { kind: 'OPERATOR', name: 'Platformbeheer' } as const;

/** The demo logins of the README; all share DEMO_PASSWORD. */
export const DEMO_USERS: UserSeed[] = [
  { email: 'vng@demo.nl', name: 'Contractbeheerder VNG', roles: ['CONTRACT_MANAGER', 'ORG_ADMIN'], organisation: VNG },
  { email: 'sensoor@demo.nl', name: 'Beheerder Sensoor', roles: ['PROVIDER_ADMIN', 'FINANCE'], organisation: SENSOOR },
  {
    email: 'officer.gm0106@demo.nl',
    name: 'Beleidsmedewerker Assen',
    roles: ['OFFICER'],
    organisation: { kind: 'MUNICIPALITY', name: 'Gemeente Assen', municipalityCode: 'GM0106' },
  },
  {
    email: 'finance.gm0106@demo.nl',
    name: 'Financiën Assen',
    roles: ['FINANCE'],
    organisation: { kind: 'MUNICIPALITY', name: 'Gemeente Assen', municipalityCode: 'GM0106' },
  },
  {
    email: 'officer.gm0014@demo.nl',
    name: 'Beleidsmedewerker Groningen',
    roles: ['OFFICER'],
    organisation: { kind: 'MUNICIPALITY', name: 'Gemeente Groningen', municipalityCode: 'GM0014' },
  },
  {
    email: 'finance.gm0363@demo.nl',
    name: 'Financiën Amsterdam',
    roles: ['FINANCE'],
    organisation: { kind: 'MUNICIPALITY', name: 'Gemeente Amsterdam', municipalityCode: 'GM0363' },
  },
  { email: 'operator@demo.nl', name: 'Platformbeheerder', roles: ['OPERATOR'], organisation: PLATFORM },
];

/**
 * Seeds the demo organisations, users, providers, contracts and figures (idempotent) through the
 * owning libraries, in one platform transaction. Only on the embedded default database or with
 * DEMO=1, never on a production DATABASE_URL by default.
 */
export async function seedDemoData(dataSource: DataSource, password: string): Promise<UserSeed[]> {
  await unscopedAsPlatform(dataSource, async (tx) => {
    for (const user of DEMO_USERS) await upsertUser(tx, user, password);
    const providers = await seedDemoContracts(tx);
    await seedDemoStatistics(tx, providers.get(SENSOOR.name)!);
    await seedDemoBillingDetails(tx);
  });
  return DEMO_USERS;
}
