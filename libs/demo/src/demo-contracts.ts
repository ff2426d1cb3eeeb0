import { EntityManager } from 'typeorm';
import { ALWAYS, daily, WeeklyInterval } from '@wmo/domain';

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
    channels: Array<{ kind: string; contact: string; schedule: WeeklyInterval[] }>;
  };
}

const SENSOOR_SERVICE = {
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

/** Seeds providers, services and contracts; skips whatever already exists (by name or reference). */
export async function seedDemoContracts(manager: EntityManager): Promise<void> {
  const orgId = async (kind: string, name: string): Promise<string> => {
    const [found] = await manager.query(`SELECT id FROM organisation WHERE kind = $1 AND name = $2`, [kind, name]);
    if (found) return found.id;
    const [created] = await manager.query(`INSERT INTO organisation (kind, name) VALUES ($1, $2) RETURNING id`, [
      kind,
      name,
    ]);
    return created.id;
  };
  const providerIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();
  for (const p of PROVIDERS) {
    const id = await orgId('PROVIDER', p.name);
    providerIds.set(p.name, id);
    await manager.query(
      `INSERT INTO provider (organisation_id, legal_name, kvk_number, vat_id, iban, street, postal_code, city, email, invoice_prefix)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (organisation_id) DO NOTHING`,
      [
        id,
        p.name,
        p.kvk,
        p.vatId,
        dutchIban(p.bankAccount),
        p.street,
        p.postalCode,
        p.city,
        `facturen@${p.prefix.toLowerCase()}.demo.nl`,
        p.prefix,
      ],
    );
    const [existing] = await manager.query(`SELECT id FROM service WHERE provider_id = $1 AND name = $2`, [
      id,
      p.service.name,
    ]);
    let serviceId = existing?.id as string | undefined;
    if (!serviceId) {
      [{ id: serviceId }] = await manager.query(
        `INSERT INTO service (provider_id, duty_code, name, description) VALUES ($1, $2, $3, $4) RETURNING id`,
        [id, p.service.duty, p.service.name, p.service.description],
      );
      for (const channel of p.service.channels) {
        await manager.query(
          `INSERT INTO service_channel (service_id, provider_id, kind, contact, schedule) VALUES ($1, $2, $3, $4, $5)`,
          [serviceId, id, channel.kind, channel.contact, JSON.stringify(channel.schedule)],
        );
      }
    }
    serviceIds.set(p.name, serviceId!);
  }

  const association = await orgId('ASSOCIATION', 'Vereniging van Nederlandse Gemeenten');
  for (const c of CONTRACTS) {
    const [exists] = await manager.query(`SELECT 1 FROM contract WHERE reference = $1`, [c.reference]);
    if (exists) continue;
    const contracting =
      'association' in c.contracting
        ? association
        : (
            await manager.query(`SELECT id FROM organisation WHERE municipality_code = $1`, [
              c.contracting.municipality,
            ])
          )[0].id;
    const supplier = providerIds.get(c.supplier)!;
    const [{ id }] = await manager.query(
      `INSERT INTO contract (reference, title, kind, status, duty_code, contracting_organisation_id, supplier_id, start_date, end_date, funding_model,
                             vat_category, vat_rate, vat_exemption_reason, activated_at, version)
       VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6, $7, $8, $9, 'E', 0, $10, now(), 1) RETURNING id`,
      [c.reference, c.title, c.kind, c.duty, contracting, supplier, c.start, c.end, c.funding, EXEMPT],
    );
    const parties = [id, contracting, supplier];
    await manager.query(
      `INSERT INTO contract_service (contract_id, contracting_organisation_id, supplier_id, service_id) VALUES ($1, $2, $3, $4)`,
      [...parties, serviceIds.get(c.supplier)],
    );
    await manager.query(
      `INSERT INTO tariff (contract_id, contracting_organisation_id, supplier_id, per_inhabitant, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)`,
      [...parties, c.tariff, c.start, c.end],
    );
    if (c.participants === 'ALL_EXCEPT_G4') {
      for (const code of G4_CODES) {
        await manager.query(
          `INSERT INTO contract_exception (contract_id, contracting_organisation_id, supplier_id, municipality_code, kind, reason, from_date)
           VALUES ($1, $2, $3, $4, 'EXCLUDED', 'G4: eigen contract met hoger tarief en aanvullende diensten', $5)`,
          [...parties, code, c.start],
        );
      }
    }
    // Every municipality existing during the term takes part for the days it existed; those born
    // of a merger continue their predecessors' participation (as the roll-over would).
    await manager.query(
      `INSERT INTO participation (contract_id, contracting_organisation_id, supplier_id, municipality_code, from_date, to_date, origin)
       SELECT $1, $2, $3, m.code, greatest(m.valid_from, $4::date),
              least(m.valid_to, $5::date) /* NULL (open) ends are ignored */,
              CASE WHEN $6 = 'CONTRACTING' THEN 'CONTRACT' WHEN m.valid_from > $4::date THEN 'ROLL_OVER' ELSE 'ENROLMENT' END
         FROM municipality m
        WHERE (m.valid_to IS NULL OR m.valid_to >= $4::date) AND ($5::date IS NULL OR m.valid_from IS NULL OR m.valid_from <= $5::date)
          AND CASE $6 WHEN 'ALL' THEN true WHEN 'ALL_EXCEPT_G4' THEN NOT (m.code = ANY($7)) ELSE m.code = $8 END`,
      [
        ...parties,
        c.start,
        c.end,
        c.participants,
        G4_CODES,
        'municipality' in c.contracting ? c.contracting.municipality : null,
      ],
    );
  }
}
