import { Injectable } from '@nestjs/common';
import { CoverageReader } from '@wmo/contracts';
import { todayInAmsterdam, worstStatus, yearOf } from '@wmo/domain';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { municipalityNotFound, obligationsAccess } from './access.rules';
import { dutyObligationDto, municipalityRef } from './compliance.mapper';
import { yearlyCost } from './cost.rules';
import { CoverageSnapshots } from './coverage-snapshot';
import type { ObligationsDto, ObligationsQuery } from './dto/compliance.dto';
import { assertExisted, judgeMunicipality, pickDuties } from './judgement.rules';
import { periodOf } from './period.rules';

/**
 * Whether a municipality meets its duties (DOMAIN.md, compliance): computed from the contracts on
 * every call, never cached. One tenant transaction: who may see the municipality's status is
 * checked with the caller's view first; the coverage is then read as the platform within the same
 * transaction, because a status depends on contracts the caller may not see.
 */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly coverage: CoverageReader,
    private readonly snapshots: CoverageSnapshots,
  ) {}

  obligations(code: string, query: ObligationsQuery): Promise<ObligationsDto> {
    const asked = periodOf(query, todayInAmsterdam());
    return this.db.transaction((tx) => this.answer(tx, code, asked, query.duty));
  }

  /** The same answer inside a transaction the caller already runs (the council report). */
  obligationsWithin(tx: TenantTransaction, code: string, query: ObligationsQuery): Promise<ObligationsDto> {
    return this.answer(tx, code, periodOf(query, todayInAmsterdam()), query.duty);
  }

  private async answer(
    tx: TenantTransaction,
    code: string,
    { period, asOf }: ReturnType<typeof periodOf>,
    dutyCode: string | undefined,
  ): Promise<ObligationsDto> {
    await this.assertMayView(tx, code);
    const { snapshot, municipality, duties, costBasis } = await tx.unscopedWithin(async (platform) => {
      const snapshot = await this.snapshots.load(platform, [code]);
      const municipality = snapshot.municipalities.get(code);
      if (!municipality) throw municipalityNotFound(code);
      const duties = pickDuties(snapshot.duties, dutyCode);
      assertExisted(municipality, period);
      const costBasis = await this.snapshots.costBasis(platform, snapshot, yearOf(period.from));
      return { snapshot, municipality, duties, costBasis };
    });
    const judgements = judgeMunicipality(municipality, duties, snapshot, period, asOf);
    const dtos = judgements.map((j) =>
      dutyObligationDto(
        j,
        yearlyCost({
          code: municipality.code,
          ranges: j.ranges,
          contracts: snapshot.contracts,
          year: yearOf(j.period.from),
          ...costBasis,
        }),
      ),
    );
    return {
      municipality: municipalityRef(municipality),
      period,
      asOf,
      status: worstStatus(dtos.map((dto) => dto.status)),
      duties: dtos,
    };
  }

  /** For anyone who may not see the municipality's obligations it does not exist (a 404, not a 403). */
  private async assertMayView(tx: TenantTransaction, code: string): Promise<void> {
    const access = obligationsAccess(tx.principal, code);
    if (access === 'GRANTED') return;
    // In the caller's own view: a provider sees its own contracts' participations.
    if (access === 'IF_SERVED' && (await this.coverage.servesMunicipality(tx, tx.principal.organisationId, code)))
      return;
    throw municipalityNotFound(code);
  }
}
