import { Injectable } from '@nestjs/common';
import { IsoDate, Period, WeeklyInterval } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import type { ContractTerms } from './contract.types';
import type { ChannelKind } from './contracts.constants';

export interface CoverageCandidate {
  code: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** Another contract's coverage of a candidate: only what the 409 may name (its id and reference) and the days. */
export interface CoverageConflict {
  code: string;
  contractId: string;
  contractReference: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** A participation of an activated contract, clipped to the contract term. */
export interface CoveredStretchRow {
  code: string;
  contractId: string;
  dutyCode: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface ExceptionStretchRow {
  code: string;
  contractId: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface CoverageContractRow extends ContractTerms {
  /** The provider's legal name. */
  supplierName: string;
}

export interface CoverageTariffRow {
  contractId: string;
  from: IsoDate;
  to: IsoDate | null;
  perInhabitant: string;
}

export interface CoverageChannelRow {
  contractId: string;
  serviceId: string;
  serviceName: string;
  dutyCode: string;
  id: string;
  kind: ChannelKind;
  contact: string | null;
  schedule: WeeklyInterval[];
}

export interface CoverageClosureRow {
  channelId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/**
 * "A municipality is never in two active contracts for the same duty on the same day": the
 * coverage lock and conflict check, and what compliance reads of coverage. Set-based SQL over
 * participation, contract and the contract's services.
 */
@Injectable()
export class CoverageRepository {
  /**
   * Serialises coverage changes per duty and municipality until the transaction ends, so that two
   * concurrent enrolments cannot both pass the check. Locks in code order: no deadlocks.
   */
  async lock(tx: Transaction, dutyCode: string, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    await tx.manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('coverage:' || $1 || ':' || code, 0))
         FROM (SELECT DISTINCT unnest($2::varchar[]) AS code ORDER BY 1) codes`,
      [dutyCode, [...codes]],
    );
  }

  /**
   * Participations of other active (or terminated) contracts for the duty that overlap the
   * candidates. Run it as the platform: the other contract may be one the caller cannot see.
   */
  conflicts(
    tx: Transaction,
    dutyCode: string,
    candidates: readonly CoverageCandidate[],
    exceptContractId: string | null,
  ): Promise<CoverageConflict[]> {
    if (candidates.length === 0) return Promise.resolve([]);
    return tx.manager.query<CoverageConflict[]>(
      `SELECT x.code, c.id AS "contractId", c.reference AS "contractReference",
              greatest(p.from_date, c.start_date) AS "from",
              least(p.to_date, c.end_date) /* NULL (open) ends are ignored */ AS "to"
         FROM unnest($2::varchar[], $3::date[], $4::date[]) AS x(code, from_date, to_date)
         JOIN participation p ON p.municipality_code = x.code
         JOIN contract c ON c.id = p.contract_id
        WHERE c.duty_code = $1 AND c.status IN ('ACTIVE', 'TERMINATED')
          AND ($5::uuid IS NULL OR c.id <> $5::uuid)
          AND p.from_date <= coalesce(x.to_date, 'infinity') AND x.from_date <= coalesce(p.to_date, 'infinity')
          AND c.start_date <= coalesce(x.to_date, 'infinity') AND x.from_date <= coalesce(c.end_date, 'infinity')
        ORDER BY x.code, c.reference`,
      [
        dutyCode,
        candidates.map((c) => c.code),
        candidates.map((c) => c.from),
        candidates.map((c) => c.to),
        exceptContractId,
      ],
    );
  }

  /** Participations of activated contracts (ACTIVE, TERMINATED) within their term, of some municipalities or all (null). */
  coveredStretches(tx: Transaction, codes: readonly string[] | null): Promise<CoveredStretchRow[]> {
    return tx.manager.query<CoveredStretchRow[]>(
      `SELECT p.municipality_code AS code, c.id AS "contractId", c.duty_code AS "dutyCode",
              greatest(p.from_date, c.start_date) AS "from",
              least(p.to_date, c.end_date) /* NULL (open) ends are ignored */ AS "to"
         FROM participation p JOIN contract c ON c.id = p.contract_id
        WHERE c.status IN ('ACTIVE', 'TERMINATED') AND ($1::varchar[] IS NULL OR p.municipality_code = ANY($1))
          AND p.from_date <= coalesce(c.end_date, p.from_date) AND coalesce(p.to_date, c.start_date) >= c.start_date`,
      [codes === null ? null : [...codes]],
    );
  }

  exceptionStretches(
    tx: Transaction,
    contractIds: readonly string[],
    codes: readonly string[] | null,
  ): Promise<ExceptionStretchRow[]> {
    return tx.manager.query<ExceptionStretchRow[]>(
      `SELECT municipality_code AS code, contract_id AS "contractId", from_date AS "from", to_date AS "to"
         FROM contract_exception WHERE contract_id = ANY($1) AND ($2::varchar[] IS NULL OR municipality_code = ANY($2))`,
      [[...contractIds], codes === null ? null : [...codes]],
    );
  }

  /** The contracts with their supplier's legal name (the contracting party's name is identity's). */
  contracts(tx: Transaction, ids: readonly string[]): Promise<CoverageContractRow[]> {
    return tx.manager.query<CoverageContractRow[]>(
      `SELECT c.id, c.reference, c.title, c.kind, c.status, c.duty_code AS "dutyCode", c.funding_model AS "fundingModel", c.vat_rate::text AS "vatRate",
              c.reference_date_rule AS "referenceDateRule", c.start_date AS "startDate", c.end_date AS "endDate",
              c.supplier_id AS "supplierId", pr.legal_name AS "supplierName",
              c.contracting_organisation_id AS "contractingOrganisationId"
         FROM contract c JOIN provider pr ON pr.organisation_id = c.supplier_id
        WHERE c.id = ANY($1)`,
      [[...ids]],
    );
  }

  tariffs(tx: Transaction, contractIds: readonly string[]): Promise<CoverageTariffRow[]> {
    return tx.manager.query<CoverageTariffRow[]>(
      `SELECT contract_id AS "contractId", valid_from AS "from", valid_to AS "to", per_inhabitant::text AS "perInhabitant"
         FROM tariff WHERE contract_id = ANY($1) ORDER BY valid_from`,
      [[...contractIds]],
    );
  }

  /** The channels of the services the contracts cover, by service name and channel kind. */
  channels(tx: Transaction, contractIds: readonly string[]): Promise<CoverageChannelRow[]> {
    return tx.manager.query<CoverageChannelRow[]>(
      `SELECT cs.contract_id AS "contractId", sv.id AS "serviceId", sv.name AS "serviceName", sv.duty_code AS "dutyCode", ch.id, ch.kind, ch.contact, ch.schedule
         FROM contract_service cs JOIN service sv ON sv.id = cs.service_id JOIN service_channel ch ON ch.service_id = sv.id
        WHERE cs.contract_id = ANY($1) ORDER BY sv.name, ch.kind`,
      [[...contractIds]],
    );
  }

  closures(tx: Transaction, channelIds: readonly string[]): Promise<CoverageClosureRow[]> {
    return tx.manager.query<CoverageClosureRow[]>(
      `SELECT channel_id AS "channelId", starts_at AS "startsAt", ends_at AS "endsAt", reason FROM channel_closure
        WHERE channel_id = ANY($1) ORDER BY starts_at`,
      [[...channelIds]],
    );
  }

  /**
   * The municipalities a provider serves under an activated contract (ACTIVE or TERMINATED): any
   * participation ever, or one overlapping the period. By code.
   */
  async servedBy(tx: Transaction, providerId: string, period: Period | null): Promise<string[]> {
    const rows = await tx.manager.query<Array<{ code: string }>>(
      `SELECT DISTINCT p.municipality_code AS code FROM participation p JOIN contract c ON c.id = p.contract_id
        WHERE c.supplier_id = $1 AND c.status IN ('ACTIVE', 'TERMINATED')
          AND ($2::date IS NULL OR (p.from_date <= coalesce($3::date, 'infinity') AND (p.to_date IS NULL OR p.to_date >= $2::date)))
        ORDER BY 1`,
      [providerId, period?.from ?? null, period?.to ?? null],
    );
    return rows.map((row) => row.code);
  }

  /** Whether a provider serves (or served) a municipality under an activated contract. */
  async serves(tx: Transaction, providerId: string, code: string): Promise<boolean> {
    const [serves] = await tx.manager.query<unknown[]>(
      `SELECT 1 FROM participation p JOIN contract c ON c.id = p.contract_id
        WHERE p.municipality_code = $1 AND c.supplier_id = $2 AND c.status IN ('ACTIVE', 'TERMINATED') LIMIT 1`,
      [code, providerId],
    );
    return serves !== undefined;
  }
}
