import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { ContractChild, ParticipationEntity } from './contract.entities';

/** A participation as the participant list shows it (the name comes from reference data). */
export interface ParticipationListRow {
  code: string;
  from: IsoDate;
  to: IsoDate | null;
  origin: string;
}

/** A participation with its municipality's name, as one page of the participant list shows it. */
export interface ParticipationPageRow extends ParticipationListRow {
  name: string;
}

export interface ParticipationPageFilter {
  /** Read on `date`: taking part that day, ended before it, starting after it, or every participation. */
  status: 'active' | 'ended' | 'future' | 'all';
  date: IsoDate;
  /** An ILIKE pattern matched against the municipality's name and code; null for all. */
  pattern: string | null;
  /** Trusted SQL from `orderBy` over PARTICIPANT_PAGE_COLUMNS. */
  order: string;
  offset: number;
  limit: number;
}

/** The sortable fields of the participant list, as SQL over `p` (participation) and `m` (municipality). */
export const PARTICIPANT_PAGE_COLUMNS = {
  name: 'COALESCE(m.name, p.municipality_code)',
  code: 'p.municipality_code',
  from: 'p.from_date',
  // An open end lasts longest: it sorts after every end date.
  until: "COALESCE(p.to_date, 'infinity'::date)",
} as const;
export const PARTICIPANT_PAGE_TIE_BREAKER = 'p.municipality_code, p.from_date';

const STATUS_CONDITIONS: Record<ParticipationPageFilter['status'], string> = {
  active: 'p.from_date <= $2::date AND (p.to_date IS NULL OR p.to_date >= $2::date)',
  ended: 'p.to_date < $2::date',
  future: 'p.from_date > $2::date',
  all: '$2::date IS NOT NULL',
};

export interface NewParticipation {
  code: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** A municipality's participations in a contract that overlap a period: the raw stretches, by start. */
export interface ParticipantStretchesRow {
  code: string;
  froms: IsoDate[];
  tos: Array<IsoDate | null>;
}

/** A participation that lasts beyond a day, with its contract's reference. */
export interface ParticipationBeyondRow {
  contractId: string;
  contractReference: string;
  code: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** The participation table: municipalities taking part in contracts, for periods (both ends inclusive). */
@Injectable()
export class ParticipationRepository {
  forContract(tx: Transaction, contractId: string): Promise<ParticipationEntity[]> {
    return tx.manager.findBy(ParticipationEntity, { contractId });
  }

  /** One municipality's participations in a contract, latest first. */
  forMunicipality(tx: Transaction, contractId: string, code: string): Promise<ParticipationEntity[]> {
    return tx.manager.find(ParticipationEntity, {
      where: { contractId, municipalityCode: code },
      order: { fromDate: 'DESC' },
    });
  }

  /** One page of a contract's participations with their municipality's names, and how many match in all. */
  async page(
    tx: Transaction,
    contractId: string,
    filter: ParticipationPageFilter,
  ): Promise<{ rows: ParticipationPageRow[]; total: number }> {
    const from = `FROM participation p LEFT JOIN municipality m ON m.code = p.municipality_code
        WHERE p.contract_id = $1 AND ${STATUS_CONDITIONS[filter.status]}
          AND ($3::text IS NULL OR m.name ILIKE $3 OR p.municipality_code ILIKE $3)`;
    const params = [contractId, filter.date, filter.pattern];
    const rows = await tx.manager.query<ParticipationPageRow[]>(
      `SELECT p.municipality_code AS code, COALESCE(m.name, p.municipality_code) AS name,
              p.from_date AS "from", p.to_date AS "to", p.origin AS origin
         ${from}
        ORDER BY ${filter.order} LIMIT $4 OFFSET $5`,
      [...params, filter.limit, filter.offset],
    );
    const [counted] = await tx.manager.query<Array<{ n: number }>>(`SELECT count(*)::int AS n ${from}`, params);
    return { rows, total: counted.n };
  }

  /** Participations that ended on a day: those a later end date may continue. */
  endingOn(tx: Transaction, contractId: string, date: IsoDate): Promise<ParticipationEntity[]> {
    return tx.manager.findBy(ParticipationEntity, { contractId, toDate: date });
  }

  /**
   * Participations of a municipality on a day in activated contracts (ACTIVE or TERMINATED) whose
   * term includes the day.
   */
  coveringOn(tx: Transaction, code: string, date: IsoDate): Promise<ParticipationEntity[]> {
    return tx.manager
      .createQueryBuilder(ParticipationEntity, 'p')
      .innerJoin('contract', 'c', 'c.id = p.contract_id')
      .where('p.municipality_code = :code', { code })
      .andWhere('p.from_date <= :date AND (p.to_date IS NULL OR p.to_date >= :date)', { date })
      .andWhere(
        `c.status IN ('ACTIVE', 'TERMINATED') AND c.start_date <= :date AND (c.end_date IS NULL OR c.end_date >= :date)`,
        { date },
      )
      .getMany();
  }

  /**
   * Participations of these municipalities that last beyond `day` (open-ended or ending later), in
   * contracts that are not drafts, with the contract's reference: what a reorganisation on the day
   * after ends.
   */
  lastingBeyond(tx: Transaction, codes: readonly string[], day: IsoDate): Promise<ParticipationBeyondRow[]> {
    return tx.manager.query<ParticipationBeyondRow[]>(
      `SELECT p.contract_id AS "contractId", c.reference AS "contractReference", p.municipality_code AS code,
              p.from_date AS "from", p.to_date AS "to"
         FROM participation p JOIN contract c ON c.id = p.contract_id
        WHERE p.municipality_code = ANY($1) AND (p.to_date IS NULL OR p.to_date > $2::date) AND p.from_date <= $2::date
          AND c.status <> 'DRAFT'
        ORDER BY c.reference, p.municipality_code`,
      [codes, day],
    );
  }

  /** The ACTIVE contracts in which any of these municipalities takes part on `day`. */
  async activeContractsWithParticipantsOn(tx: Transaction, codes: readonly string[], day: IsoDate): Promise<string[]> {
    const rows = await tx.manager.query<Array<{ id: string }>>(
      `SELECT DISTINCT c.id FROM participation p JOIN contract c ON c.id = p.contract_id
        WHERE p.municipality_code = ANY($1) AND p.from_date <= $2::date AND (p.to_date IS NULL OR p.to_date >= $2::date)
          AND c.status = 'ACTIVE'`,
      [codes, day],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the transaction sees any participation of the municipality (row-level security decides). */
  async anyForMunicipality(tx: Transaction, code: string): Promise<boolean> {
    const [row] = await tx.manager.query<Array<{ exists: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM participation WHERE municipality_code = $1) AS exists`,
      [code],
    );
    return row?.exists ?? false;
  }

  /** One statement for any number of participants. */
  async insertMany(
    tx: Transaction,
    parties: ContractChild,
    participations: readonly NewParticipation[],
    origin: string,
  ): Promise<void> {
    if (participations.length === 0) return;
    await tx.manager.query(
      `INSERT INTO participation (contract_id, contracting_organisation_id, supplier_id, municipality_code, from_date, to_date, origin)
       SELECT $1, $2, $3, code, from_date, to_date, $7 FROM unnest($4::varchar[], $5::date[], $6::date[]) AS t(code, from_date, to_date)`,
      [
        parties.contractId,
        parties.contractingOrganisationId,
        parties.supplierId,
        participations.map((p) => p.code),
        participations.map((p) => p.from),
        participations.map((p) => p.to),
        origin,
      ],
    );
  }

  async setEnd(tx: Transaction, id: string, toDate: IsoDate | null): Promise<void> {
    await tx.manager.update(ParticipationEntity, { id }, { toDate });
  }

  /** Gives each participation its own new end. */
  async setEnds(tx: Transaction, ends: ReadonlyArray<{ id: string; to: IsoDate | null }>): Promise<void> {
    if (ends.length === 0) return;
    await tx.manager.query(
      `UPDATE participation p SET to_date = t.to_date FROM unnest($1::uuid[], $2::date[]) AS t(id, to_date) WHERE p.id = t.id`,
      [ends.map((e) => e.id), ends.map((e) => e.to)],
    );
  }

  async deleteByIds(tx: Transaction, ids: readonly string[]): Promise<void> {
    if (ids.length) await tx.manager.delete(ParticipationEntity, { id: In([...ids]) });
  }

  // Reads for other libraries (through ContractsReader and CoverageReader).

  /** Municipalities with a participation overlapping the period, counted once each. */
  async countOverlapping(tx: Transaction, contractId: string, period: { from: IsoDate; to: IsoDate }): Promise<number> {
    const [{ count }] = await tx.manager.query<[{ count: number }]>(
      `SELECT count(DISTINCT municipality_code)::int AS count FROM participation
        WHERE contract_id = $1 AND from_date <= $3::date AND (to_date IS NULL OR to_date >= $2::date)`,
      [contractId, period.from, period.to],
    );
    return count;
  }

  /** The next `limit` municipalities after `afterCode`, in code order, with their stretches overlapping the period. */
  overlappingBatch(
    tx: Transaction,
    contractId: string,
    period: { from: IsoDate; to: IsoDate },
    afterCode: string,
    limit: number,
  ): Promise<ParticipantStretchesRow[]> {
    return tx.manager.query<ParticipantStretchesRow[]>(
      `SELECT municipality_code AS code,
              array_agg(from_date ORDER BY from_date) AS froms,
              array_agg(to_date ORDER BY from_date) AS tos
         FROM participation
        WHERE contract_id = $1 AND from_date <= $3::date AND (to_date IS NULL OR to_date >= $2::date)
          AND municipality_code > $4
        GROUP BY municipality_code
        ORDER BY municipality_code
        LIMIT $5`,
      [contractId, period.from, period.to, afterCode, limit],
    );
  }
}
