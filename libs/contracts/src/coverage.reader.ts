import { Injectable } from '@nestjs/common';
import { ChannelAvailability, IsoDate, Period, subtractPeriods, TariffPeriod } from '@wmo/domain';
import { OrganisationDirectory } from '@wmo/identity';
import type { Transaction } from '@wmo/tenancy';
import { ContractsReader, DutyInfo } from './contracts.reader';
import { CoverageChannelRow, CoverageClosureRow, CoverageContractRow, CoverageRepository } from './coverage.repository';

/** A channel of a covering service: its weekly hours and closures, and whether it counts toward the contract's duty. */
export interface CoverageChannel extends ChannelAvailability {
  id: string;
  contact: string | null;
  /** The closures as stored, by start (`closures` has them as epoch milliseconds for the rules). */
  closureList: Array<{ startsAt: Date; endsAt: Date; reason: string }>;
}

export interface CoverageService {
  id: string;
  name: string;
  /** By kind. */
  channels: CoverageChannel[];
}

/** A contract that covers some municipality, with what the compliance answer shows of it. */
export interface CoverageContract extends CoverageContractRow {
  /** The contracting organisation's name ('' if the transaction cannot see it). */
  contractingName: string;
  /** Earliest first. */
  tariffs: TariffPeriod[];
  /** By service name. */
  services: CoverageService[];
}

/** Days on which one contract covers one municipality (participation within the term, less exceptions). */
export interface CoverageRange {
  contractId: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** Everything the compliance rules read of contracts, for some municipalities or all. */
export interface ContractCoverage {
  /** Every duty, by name. */
  duties: DutyInfo[];
  /** The contracts that cover any of the municipalities, by id. */
  contracts: Map<string, CoverageContract>;
  /** Keyed `coverageKey(dutyCode, municipalityCode)`; each list by start. */
  coverage: Map<string, CoverageRange[]>;
}

export const coverageKey = (dutyCode: string, code: string) => `${dutyCode}:${code}`;

/**
 * What compliance reads of contracts: who covers which municipality when, with which services,
 * channels and hours, and which municipalities a provider serves. Every method runs in the
 * transaction it is given. A municipality's status depends on contracts the caller may not see
 * (the VNG does not see Amsterdam's own contract), so `coverage` is meant for a platform
 * transaction (a job, or `unscopedWithin` after the caller's right to the answer is checked).
 */
@Injectable()
export class CoverageReader {
  constructor(
    private readonly coverageRows: CoverageRepository,
    private readonly contractsReader: ContractsReader,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /**
   * The coverage of the given municipalities (all when `codes` is null) for every duty: the
   * participations of ACTIVE and TERMINATED contracts clipped to the contract term, less the
   * contract's exceptions of the municipality; the covering contracts with their tariffs,
   * services, channels and closures, the supplier's legal name and the contracting party's name.
   */
  async coverage(tx: Transaction, codes: readonly string[] | null): Promise<ContractCoverage> {
    const duties = await this.contractsReader.duties(tx);
    const stretches = await this.coverageRows.coveredStretches(tx, codes);
    const contractIds = [...new Set(stretches.map((p) => p.contractId))];
    const exceptions = await this.coverageRows.exceptionStretches(tx, contractIds, codes);
    const contracts = await this.contracts(tx, contractIds, duties);
    const coverage = new Map<string, CoverageRange[]>();
    for (const p of stretches) {
      const excepted = exceptions.filter((e) => e.code === p.code && e.contractId === p.contractId);
      for (const range of subtractPeriods({ from: p.from, to: p.to }, excepted)) {
        const key = coverageKey(p.dutyCode, p.code);
        const list = coverage.get(key) ?? [];
        list.push({ contractId: p.contractId, ...range });
        coverage.set(key, list);
      }
    }
    for (const list of coverage.values()) list.sort((a, b) => a.from.localeCompare(b.from));
    return { duties, contracts, coverage };
  }

  /**
   * The municipality codes a provider serves under an activated contract (ACTIVE or TERMINATED):
   * with any participation ever (`period` null) or one overlapping the period; by code, each once.
   * In the caller's transaction a provider sees its own contracts' participations.
   */
  servedMunicipalities(tx: Transaction, providerId: string, period: Period | null): Promise<string[]> {
    return this.coverageRows.servedBy(tx, providerId, period);
  }

  /** Whether a provider serves (or served) the municipality under an activated contract. */
  servesMunicipality(tx: Transaction, providerId: string, code: string): Promise<boolean> {
    return this.coverageRows.serves(tx, providerId, code);
  }

  private async contracts(tx: Transaction, ids: string[], duties: DutyInfo[]): Promise<Map<string, CoverageContract>> {
    if (ids.length === 0) return new Map();
    const rows = await this.coverageRows.contracts(tx, ids);
    const organisations = await this.organisations.organisations(tx, [
      ...new Set(rows.map((row) => row.contractingOrganisationId)),
    ]);
    const tariffs = await this.coverageRows.tariffs(tx, ids);
    const channels = await this.coverageRows.channels(tx, ids);
    const closures = await this.coverageRows.closures(tx, [...new Set(channels.map((c) => c.id))]);
    const channelObjects = channelsById(channels, closures, duties);
    return new Map(
      rows.map((row) => {
        const services = new Map<string, CoverageService>();
        for (const c of channels.filter((x) => x.contractId === row.id)) {
          const service = services.get(c.serviceId) ?? { id: c.serviceId, name: c.serviceName, channels: [] };
          service.channels.push(channelObjects.get(c.id)!);
          services.set(c.serviceId, service);
        }
        const contract: CoverageContract = {
          ...row,
          contractingName: organisations.find((o) => o.id === row.contractingOrganisationId)?.name ?? '',
          tariffs: tariffs
            .filter((t) => t.contractId === row.id)
            .map(({ from, to, perInhabitant }) => ({ from, to, perInhabitant })),
          services: [...services.values()],
        };
        return [row.id, contract];
      }),
    );
  }
}

/** One object per channel, shared by every contract that delivers it (the compliance rules cache per object). */
function channelsById(
  channels: readonly CoverageChannelRow[],
  closures: readonly CoverageClosureRow[],
  duties: readonly DutyInfo[],
): Map<string, CoverageChannel> {
  const objects = new Map<string, CoverageChannel>();
  for (const c of channels) {
    if (objects.has(c.id)) continue;
    const own = closures.filter((x) => x.channelId === c.id);
    objects.set(c.id, {
      id: c.id,
      kind: c.kind,
      counts: duties.find((d) => d.code === c.dutyCode)?.countingChannels.includes(c.kind) ?? false,
      contact: c.contact,
      schedule: c.schedule,
      closures: own.map((x) => ({ start: x.startsAt.getTime(), end: x.endsAt.getTime(), reason: x.reason })),
      closureList: own.map(({ startsAt, endsAt, reason }) => ({ startsAt, endsAt, reason })),
    });
  }
  return objects;
}
