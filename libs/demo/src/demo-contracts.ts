import { ChannelKind, ContractsSeeder } from '@wmo/contracts';
import { ALWAYS, daily, WeeklyInterval } from '@wmo/domain';
import { ensureOrganisation, OrganisationDirectory } from '@wmo/identity';
import { MunicipalityInfo, ReferenceDataReader } from '@wmo/reference-data';
import type { PlatformTransaction } from '@wmo/tenancy';
import { DemoParticipants, demoParticipations } from './demo-participations';

/**
 * The history in the seeds, as demo data. Where the seeds give no figure the value is marked
 * "(illustratief)": KvK numbers, IBANs, VAT ids and addresses of all providers; the G4 tariffs
 * within the 40-60 ct range the seeds give; De Kindertelefoon's tariff and hours.
 */

interface ProviderSeed {
  name: string;
  kvk: string;
  bankAccount: string;
  vatId: string;
  street: string;
  postalCode: string;
  city: string;
  prefix: string;
  service: {
    name: string;
    description: string;
    duty: string;
    channels: Array<{ kind: ChannelKind; contact: string; schedule: WeeklyInterval[] }>;
  };
}

const SENSOOR_SERVICE: ProviderSeed['service'] = {
  name: 'Luisterend oor',
  description:
    'Anoniem een luisterend oor, dag en nacht: telefoon 24/7, e-mail 24/7, chat overdag (Sensoor, 0900-0767).',
  duty: 'WMO2015_2_2_4_1B',
  channels: [
    { kind: 'PHONE', contact: '0900-0767', schedule: ALWAYS },
    { kind: 'EMAIL', contact: 'https://www.sensoor.nl/mail', schedule: ALWAYS },
    { kind: 'CHAT', contact: 'https://www.sensoor.nl/chat', schedule: daily('09:00', '22:00') },
  ],
};

const PROVIDERS: ProviderSeed[] = [
  {
    name: 'Stichting Sensoor',
    kvk: '90000001',
    bankAccount: '0000000001',
    vatId: 'NL900000001B01',
    street: 'Postbus 1 (illustratief)',
    postalCode: '3500 AA',
    city: 'Utrecht',
    prefix: 'SEN',
    service: SENSOOR_SERVICE,
  },
  {
    name: 'Sensoor Amsterdam',
    kvk: '90000002',
    bankAccount: '0000000002',
    vatId: 'NL900000002B01',
    street: 'Postbus 2 (illustratief)',
    postalCode: '1000 AA',
    city: 'Amsterdam',
    prefix: 'SAM',
    service: { ...SENSOOR_SERVICE, name: 'Luisterend oor Amsterdam' },
  },
  {
    name: 'Sensoor Utrecht',
    kvk: '90000003',
    bankAccount: '0000000003',
    vatId: 'NL900000003B01',
    street: 'Postbus 3 (illustratief)',
    postalCode: '3500 AB',
    city: 'Utrecht',
    prefix: 'SUT',
    service: { ...SENSOOR_SERVICE, name: 'Luisterend oor Utrecht' },
  },
  {
    name: 'Sensoor-franchisepartner Den Haag (illustratief)',
    kvk: '90000004',
    bankAccount: '0000000004',
    vatId: 'NL900000004B01',
    street: 'Postbus 4 (illustratief)',
    postalCode: '2500 AA',
    city: "'s-Gravenhage",
    prefix: 'SDH',
    service: { ...SENSOOR_SERVICE, name: 'Luisterend oor Den Haag' },
  },
  {
    name: 'Sensoor-franchisepartner Rotterdam (illustratief)',
    kvk: '90000005',
    bankAccount: '0000000005',
    vatId: 'NL900000005B01',
    street: 'Postbus 5 (illustratief)',
    postalCode: '3000 AA',
    city: 'Rotterdam',
    prefix: 'SRO',
    service: { ...SENSOOR_SERVICE, name: 'Luisterend oor Rotterdam' },
  },
  {
    name: 'De Kindertelefoon',
    kvk: '90000006',
    bankAccount: '0000000006',
    vatId: 'NL900000006B01',
    street: 'Postbus 6 (illustratief)',
    postalCode: '3500 AC',
    city: 'Utrecht',
    prefix: 'KT',
    service: {
      name: 'De Kindertelefoon',
      description: 'Anonieme hulplijn voor kinderen en jongeren; openingstijden illustratief.',
      duty: 'JEUGDWET_KINDERTELEFOON',
      channels: [
        { kind: 'PHONE', contact: '0800-0432', schedule: daily('11:00', '21:00') },
        { kind: 'CHAT', contact: 'https://www.kindertelefoon.nl', schedule: daily('11:00', '21:00') },
      ],
    },
  },
];

const G4 = [
  { code: 'GM0363', provider: 'Sensoor Amsterdam', tariff: '0.5000' },
  { code: 'GM0599', provider: 'Sensoor-franchisepartner Rotterdam (illustratief)', tariff: '0.4500' },
  { code: 'GM0518', provider: 'Sensoor-franchisepartner Den Haag (illustratief)', tariff: '0.4000' },
  { code: 'GM0344', provider: 'Sensoor Utrecht', tariff: '0.6000' },
];
const G4_CODES = G4.map((g) => g.code);
const EXEMPT = 'Vrijgesteld van btw, maatschappelijke dienstverlening (illustratief)';

interface ContractSeed {
  reference: string;
  title: string;
  kind: 'COLLECTIVE' | 'INDIVIDUAL';
  duty: string;
  contracting: { association: true } | { municipality: string };
  supplier: string;
  start: string;
  end: string | null;
  funding: 'FUND_WITHHOLDING' | 'DIRECT_INVOICE' | 'CENTRAL_INVOICE';
  tariff: string;
  participants: 'ALL_EXCEPT_G4' | 'ALL' | 'CONTRACTING';
}

const CONTRACTS: ContractSeed[] = [
  {
    reference: 'VNG-SEN-2015',
    title: 'Luisterend oor 2015-2017 (uitname gemeentefonds)',
    kind: 'COLLECTIVE',
    duty: 'WMO2015_2_2_4_1B',
    contracting: { association: true },
    supplier: 'Stichting Sensoor',
    start: '2015-01-01',
    end: '2017-12-31',
    funding: 'FUND_WITHHOLDING',
    tariff: '0.2500',
    participants: 'ALL_EXCEPT_G4',
  },
  {
    reference: 'VNG-SEN-2018',
    title: 'Luisterend oor vanaf 2018 (facturering per gemeente)',
    kind: 'COLLECTIVE',
    duty: 'WMO2015_2_2_4_1B',
    contracting: { association: true },
    supplier: 'Stichting Sensoor',
    start: '2018-01-01',
    end: null,
    funding: 'DIRECT_INVOICE',
    tariff: '0.2500',
    participants: 'ALL_EXCEPT_G4',
  },
  ...G4.map((g): ContractSeed => ({
    reference: `${g.code}-LUISTEREND-OOR`,
    title: `Eigen contract luisterend oor ${g.code} (tarief illustratief)`,
    kind: 'INDIVIDUAL',
    duty: 'WMO2015_2_2_4_1B',
    contracting: { municipality: g.code },
    supplier: g.provider,
    start: '2015-01-01',
    end: null,
    funding: 'DIRECT_INVOICE',
    tariff: g.tariff,
    participants: 'CONTRACTING',
  })),
  {
    reference: 'VNG-KT-2015',
    title: 'De Kindertelefoon (tarief illustratief)',
    kind: 'COLLECTIVE',
    duty: 'JEUGDWET_KINDERTELEFOON',
    contracting: { association: true },
    supplier: 'De Kindertelefoon',
    start: '2015-01-01',
    end: null,
    funding: 'FUND_WITHHOLDING',
    tariff: '0.5500',
    participants: 'ALL',
  },
];

/** A Dutch IBAN with a correct ISO 7064 check (bank code INGB). */
export function dutchIban(account10: string, bank = 'INGB'): string {
  const digits = `${bank}${account10}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98 - Number(BigInt(digits) % 97n);
  return `NL${String(check).padStart(2, '0')}${bank}${account10}`;
}

/** Who takes part in a contract, as the seeds describe it. */
function participantsOf(c: ContractSeed): DemoParticipants {
  switch (c.participants) {
    case 'ALL':
      return { kind: 'ALL', except: [] };
    case 'ALL_EXCEPT_G4':
      return { kind: 'ALL', except: G4_CODES };
    case 'CONTRACTING':
      if (!('municipality' in c.contracting)) throw new Error(`${c.reference} is not a municipality's own contract.`);
      return { kind: 'CONTRACTING', code: c.contracting.municipality };
  }
}

/**
 * Seeds providers, services and contracts through their owners (identity's organisations,
 * contracts' seeder, the reference data's municipalities); skips whatever already exists (by name
 * or reference). Answers the providers' organisation ids by name.
 */
export async function seedDemoContracts(tx: PlatformTransaction): Promise<Map<string, string>> {
  const seeder = new ContractsSeeder();
  const providerIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();
  for (const p of PROVIDERS) {
    const id = await ensureOrganisation(tx, { kind: 'PROVIDER', name: p.name });
    providerIds.set(p.name, id);
    await seeder.ensureProvider(tx, {
      organisationId: id,
      legalName: p.name,
      kvkNumber: p.kvk,
      vatId: p.vatId,
      iban: dutchIban(p.bankAccount),
      street: p.street,
      postalCode: p.postalCode,
      city: p.city,
      email: `facturen@${p.prefix.toLowerCase()}.demo.nl`,
      invoicePrefix: p.prefix,
    });
    serviceIds.set(
      p.name,
      await seeder.ensureService(tx, id, {
        name: p.service.name,
        description: p.service.description,
        dutyCode: p.service.duty,
        channels: p.service.channels,
      }),
    );
  }

  const association = await ensureOrganisation(tx, {
    kind: 'ASSOCIATION',
    name: 'Vereniging van Nederlandse Gemeenten',
  });
  const municipalityOrganisations = new Map(
    (await new OrganisationDirectory().municipalityOrganisations(tx, G4_CODES)).map((o) => [o.municipalityCode, o.id]),
  );
  let municipalities: MunicipalityInfo[] | null = null;
  for (const c of CONTRACTS) {
    if (await seeder.contractExists(tx, c.reference)) continue;
    municipalities ??= await new ReferenceDataReader().municipalities(tx, null);
    const contracting =
      'association' in c.contracting ? association : municipalityOrganisations.get(c.contracting.municipality);
    if (!contracting) throw new Error(`There is no organisation for the contracting party of ${c.reference}.`);
    await seeder.insertActiveContract(tx, {
      reference: c.reference,
      title: c.title,
      kind: c.kind,
      dutyCode: c.duty,
      contractingOrganisationId: contracting,
      supplierId: providerIds.get(c.supplier)!,
      serviceId: serviceIds.get(c.supplier)!,
      startDate: c.start,
      endDate: c.end,
      fundingModel: c.funding,
      perInhabitant: c.tariff,
      vatExemptionReason: EXEMPT,
      exceptions:
        c.participants === 'ALL_EXCEPT_G4'
          ? G4_CODES.map((code) => ({
              code,
              reason: 'G4: eigen contract met hoger tarief en aanvullende diensten',
              from: c.start,
            }))
          : [],
      participations: demoParticipations(municipalities, { start: c.start, end: c.end }, participantsOf(c)),
    });
  }
  return providerIds;
}
