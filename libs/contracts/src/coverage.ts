import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantTransaction } from '@wmo/tenancy';

export interface CoverageCandidate {
  code: string;
  from: string;
  to: string | null;
}

export interface CoverageConflict {
  code: string;
  contractId: string;
  contractReference: string;
  from: string;
  to: string | null;
}

/**
 * "A municipality is never in two active contracts for the same duty on the same day." Checking
 * that needs every contract, also those the caller cannot see (the VNG cannot see Amsterdam's own
 * contract), so the check itself is unscoped; it returns only the conflicting contract's id and
 * reference, which the 409 names.
 */
@Injectable()
export class CoverageRegistry {
  /**
   * Serialises coverage changes per duty and municipality until the caller's transaction ends,
   * so that two concurrent enrolments cannot both pass the check. Locks in code order: no deadlocks.
   */
  async lock(manager: EntityManager, dutyCode: string, codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('coverage:' || $1 || ':' || code, 0))
         FROM (SELECT DISTINCT unnest($2::varchar[]) AS code ORDER BY 1) codes`,
      [dutyCode, codes],
    );
  }

  /** Participations of other active (or terminated) contracts for the duty that overlap the candidates. */
  unscopedConflicts(
    tx: TenantTransaction,
    dutyCode: string,
    candidates: CoverageCandidate[],
    exceptContractId: string | null,
  ): Promise<CoverageConflict[]> {
    if (candidates.length === 0) return Promise.resolve([]);
    return tx.unscopedWithin(({ manager }) =>
      manager.query<CoverageConflict[]>(
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
      ),
    );
  }
}
