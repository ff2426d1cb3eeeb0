import { EntityManager } from 'typeorm';
import {
  ChannelAvailability,
  IsoDate,
  ReferenceDateRule,
  TariffPeriod,
  TerritorialChange,
  subtractPeriods,
  WeeklyInterval,
} from '@wmo/domain';
import { TERRITORIAL_CHANGES_SQL } from '@wmo/reference-data';

export interface DutyInfo {
  code: string;
  name: string;
  legalBasis: string;
  inForceFrom: IsoDate;
  countingChannels: string[];
  continuousAvailability: boolean;
}

export interface ChannelInfo extends ChannelAvailability {
  id: string;
  contact: string | null;
  closureList: Array<{ startsAt: Date; endsAt: Date; reason: string }>;
}

export interface ServiceInfo {
  id: string;
  name: string;
  channels: ChannelInfo[];
}

export interface ContractInfo {
  id: string;
  reference: string;
  title: string;
  kind: string;
  status: string;
  dutyCode: string;
  fundingModel: string;
  vatRate: string;
  referenceDateRule: ReferenceDateRule;
  startDate: IsoDate;
  endDate: IsoDate | null;
  supplierId: string;
  supplierName: string;
  contractingOrganisationId: string;
  contractingName: string;
  tariffs: TariffPeriod[];
  services: ServiceInfo[];
}

export interface MunicipalityInfo {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

/** Days on which one contract covers one municipality (participation within the term, less exceptions). */
export interface CoverageRange {
  contractId: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** Everything the compliance rules read, loaded in a handful of queries for one or all municipalities. */
export interface CoverageSnapshot {
  duties: DutyInfo[];
  municipalities: Map<string, MunicipalityInfo>;
  contracts: Map<string, ContractInfo>;
  /** Keyed `${dutyCode}:${municipalityCode}`. */
  coverage: Map<string, CoverageRange[]>;
  changes: TerritorialChange[];
}

export const coverageKey = (dutyCode: string, code: string) => `${dutyCode}:${code}`;

/**
 * Reads the coverage of the given municipalities (all when `codes` is null) for every duty. It
 * runs as the platform: a municipality's status depends on contracts the caller may not see
 * (the VNG does not see Amsterdam's own contract), so the caller's right to the answer is
 * checked before, by the service.
 */
export async function loadCoverage(manager: EntityManager, codes: string[] | null): Promise<CoverageSnapshot> {
  const { duties } = await loadDuties(manager);
  const municipalities = await manager.query<MunicipalityInfo[]>(
    `SELECT m.code, m.name, m.province_code AS "provinceCode", p.name AS "provinceName", m.valid_from AS "validFrom", m.valid_to AS "validTo"
       FROM municipality m JOIN province p ON p.code = m.province_code
      WHERE $1::varchar[] IS NULL OR m.code = ANY($1)`,
    [codes],
  );
  const participations = await manager.query<
    Array<{ code: string; contractId: string; dutyCode: string; from: IsoDate; to: IsoDate | null }>
  >(
    `SELECT p.municipality_code AS code, c.id AS "contractId", c.duty_code AS "dutyCode",
            greatest(p.from_date, c.start_date) AS "from",
            least(p.to_date, c.end_date) /* NULL (open) ends are ignored */ AS "to"
       FROM participation p JOIN contract c ON c.id = p.contract_id
      WHERE c.status IN ('ACTIVE', 'TERMINATED') AND ($1::varchar[] IS NULL OR p.municipality_code = ANY($1))
        AND p.from_date <= coalesce(c.end_date, p.from_date) AND coalesce(p.to_date, c.start_date) >= c.start_date`,
    [codes],
  );
  const contractIds = [...new Set(participations.map((p) => p.contractId))];
  const exceptions = await manager.query<
    Array<{ code: string; contractId: string; from: IsoDate; to: IsoDate | null }>
  >(
    `SELECT municipality_code AS code, contract_id AS "contractId", from_date AS "from", to_date AS "to"
       FROM contract_exception WHERE contract_id = ANY($1) AND ($2::varchar[] IS NULL OR municipality_code = ANY($2))`,
    [contractIds, codes],
  );
  const contracts = await loadContracts(manager, contractIds, duties);
  const coverage = new Map<string, CoverageRange[]>();
  for (const p of participations) {
    const excepted = exceptions.filter((e) => e.code === p.code && e.contractId === p.contractId);
    for (const range of subtractPeriods({ from: p.from, to: p.to }, excepted)) {
      const key = coverageKey(p.dutyCode, p.code);
      const list = coverage.get(key) ?? [];
      list.push({ contractId: p.contractId, ...range });
      coverage.set(key, list);
    }
  }
  for (const list of coverage.values()) list.sort((a, b) => a.from.localeCompare(b.from));
  return {
    duties,
    municipalities: new Map(municipalities.map((m) => [m.code, m])),
    contracts,
    coverage,
    changes: await manager.query<TerritorialChange[]>(TERRITORIAL_CHANGES_SQL),
  };
}

/** The duties this platform knows, the Wmo listening ear first. */
export async function loadDuties(manager: EntityManager): Promise<{ duties: DutyInfo[] }> {
  const duties = await manager.query<DutyInfo[]>(
    `SELECT code, name, legal_basis AS "legalBasis", in_force_from AS "inForceFrom", counting_channels AS "countingChannels",
            continuous_availability AS "continuousAvailability"
       FROM duty ORDER BY name`,
  );
  return { duties };
}

async function loadContracts(
  manager: EntityManager,
  ids: string[],
  duties: DutyInfo[],
): Promise<Map<string, ContractInfo>> {
  const rows = await manager.query<Array<Omit<ContractInfo, 'tariffs' | 'services'>>>(
    `SELECT c.id, c.reference, c.title, c.kind, c.status, c.duty_code AS "dutyCode", c.funding_model AS "fundingModel", c.vat_rate::text AS "vatRate",
            c.reference_date_rule AS "referenceDateRule", c.start_date AS "startDate", c.end_date AS "endDate",
            c.supplier_id AS "supplierId", coalesce(pr.legal_name, s.name) AS "supplierName",
            c.contracting_organisation_id AS "contractingOrganisationId", o.name AS "contractingName"
       FROM contract c
       JOIN organisation o ON o.id = c.contracting_organisation_id
       JOIN organisation s ON s.id = c.supplier_id
       LEFT JOIN provider pr ON pr.organisation_id = c.supplier_id
      WHERE c.id = ANY($1)`,
    [ids],
  );
  const tariffs = await manager.query<
    Array<{ contractId: string; from: IsoDate; to: IsoDate | null; perInhabitant: string }>
  >(
    `SELECT contract_id AS "contractId", valid_from AS "from", valid_to AS "to", per_inhabitant::text AS "perInhabitant" FROM tariff WHERE contract_id = ANY($1) ORDER BY valid_from`,
    [ids],
  );
  const channels = await manager.query<
    Array<{
      contractId: string;
      serviceId: string;
      serviceName: string;
      dutyCode: string;
      id: string;
      kind: string;
      contact: string | null;
      schedule: WeeklyInterval[];
    }>
  >(
    `SELECT cs.contract_id AS "contractId", sv.id AS "serviceId", sv.name AS "serviceName", sv.duty_code AS "dutyCode", ch.id, ch.kind, ch.contact, ch.schedule
       FROM contract_service cs JOIN service sv ON sv.id = cs.service_id JOIN service_channel ch ON ch.service_id = sv.id
      WHERE cs.contract_id = ANY($1) ORDER BY sv.name, ch.kind`,
    [ids],
  );
  const closures = await manager.query<Array<{ channelId: string; startsAt: Date; endsAt: Date; reason: string }>>(
    `SELECT channel_id AS "channelId", starts_at AS "startsAt", ends_at AS "endsAt", reason FROM channel_closure
      WHERE channel_id = ANY($1) ORDER BY starts_at`,
    [[...new Set(channels.map((c) => c.id))]],
  );
  // One object per channel, shared by every contract that delivers it (the rules cache per object).
  const channelObjects = new Map<string, ChannelInfo>();
  for (const c of channels) {
    if (channelObjects.has(c.id)) continue;
    const own = closures.filter((x) => x.channelId === c.id);
    channelObjects.set(c.id, {
      id: c.id,
      kind: c.kind,
      counts: duties.find((d) => d.code === c.dutyCode)?.countingChannels.includes(c.kind) ?? false,
      contact: c.contact,
      schedule: c.schedule,
      closures: own.map((x) => ({ start: x.startsAt.getTime(), end: x.endsAt.getTime(), reason: x.reason })),
      closureList: own.map(({ startsAt, endsAt, reason }) => ({ startsAt, endsAt, reason })),
    });
  }
  return new Map(
    rows.map((row) => {
      const services = new Map<string, ServiceInfo>();
      for (const c of channels.filter((x) => x.contractId === row.id)) {
        const service = services.get(c.serviceId) ?? { id: c.serviceId, name: c.serviceName, channels: [] };
        service.channels.push(channelObjects.get(c.id)!);
        services.set(c.serviceId, service);
      }
      return [
        row.id,
        {
          ...row,
          tariffs: tariffs
            .filter((t) => t.contractId === row.id)
            .map(({ from, to, perInhabitant }) => ({ from, to, perInhabitant })),
          services: [...services.values()],
        },
      ];
    }),
  );
}
