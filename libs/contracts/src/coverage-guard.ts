import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@wmo/tenancy';
import { doubleCoverage } from './contracts.errors';
import { CoverageCandidate, CoverageConflict, CoverageRepository } from './coverage.repository';

/**
 * "A municipality is never in two active contracts for the same duty on the same day." Checking
 * that needs every contract, also those the caller cannot see (the VNG cannot see Amsterdam's own
 * contract), so the check itself runs as the platform, on the caller's own transaction; it
 * returns only the conflicting contract's id and reference, which the 409 names.
 */
@Injectable()
export class CoverageGuard {
  constructor(private readonly coverage: CoverageRepository) {}

  /** Holds the coverage of these municipalities for the duty until the caller's transaction ends (in code order). */
  lock(tx: TenantTransaction, dutyCode: string, codes: readonly string[]): Promise<void> {
    return this.coverage.lock(tx, dutyCode, codes);
  }

  /** Participations of other active (or terminated) contracts for the duty that overlap the candidates. */
  unscopedConflicts(
    tx: TenantTransaction,
    dutyCode: string,
    candidates: readonly CoverageCandidate[],
    exceptContractId: string | null,
  ): Promise<CoverageConflict[]> {
    if (candidates.length === 0) return Promise.resolve([]);
    return tx.unscopedWithin((platform) => this.coverage.conflicts(platform, dutyCode, candidates, exceptContractId));
  }

  /** Locks, then refuses (409, naming the first conflicting contract) any overlap with another contract. */
  async assertNoConflicts(
    tx: TenantTransaction,
    dutyCode: string,
    candidates: readonly CoverageCandidate[],
    exceptContractId: string,
  ): Promise<void> {
    await this.lock(
      tx,
      dutyCode,
      candidates.map((c) => c.code),
    );
    const conflicts = await this.unscopedConflicts(tx, dutyCode, candidates, exceptContractId);
    if (conflicts.length)
      throw doubleCoverage(conflicts[0].code, conflicts[0].contractReference, conflicts[0].contractId, conflicts);
  }
}
