import { Injectable } from '@nestjs/common';
import { CoverageReader } from '@wmo/contracts';
import { todayInAmsterdam, yearOf } from '@wmo/domain';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { overviewAccess } from './access.rules';
import { WMO_DUTY } from './compliance.constants';
import { dutyRef } from './compliance.mapper';
import { yearlyCost } from './cost.rules';
import { CoverageSnapshots } from './coverage-snapshot';
import type { OverviewDto, OverviewQuery } from './dto/overview.dto';
import { judgeAll, pickDuties } from './judgement.rules';
import { overviewRow, statusCounts } from './overview.rules';
import { clamp, DayPeriod, yearPeriod } from './period.rules';

/**
 * The national overview: every municipality of a year judged with the same rules as one
 * municipality's answer, in a handful of queries (never one per municipality). One tenant
 * transaction: the caller's scope first (a provider: the municipalities it serves, in its own
 * view), then the coverage as the platform within it.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly coverage: CoverageReader,
    private readonly snapshots: CoverageSnapshots,
  ) {}

  overview(query: OverviewQuery): Promise<OverviewDto> {
    const year = query.year ?? yearOf(todayInAmsterdam());
    const period = yearPeriod(year);
    const asOf = clamp(todayInAmsterdam(), period);
    return this.db.transaction(async (tx) => {
      const served = await this.scope(tx, period);
      const { snapshot, costBasis } = await tx.unscopedWithin(async (platform) => {
        const snapshot = await this.snapshots.load(platform, served);
        return { snapshot, costBasis: await this.snapshots.costBasis(platform, snapshot, year) };
      });
      const [duty] = pickDuties(snapshot.duties, query.duty ?? WMO_DUTY);
      const rows = judgeAll(snapshot, { duties: [duty], period, asOf, province: query.province }).map((j) =>
        overviewRow(
          j,
          yearlyCost({
            code: j.municipality.code,
            ranges: j.ranges,
            contracts: snapshot.contracts,
            year: yearOf(j.period.from),
            ...costBasis,
          }),
        ),
      );
      return {
        year,
        duty: dutyRef(duty),
        asOf,
        counts: statusCounts(rows),
        rows: query.status ? rows.filter((row) => row.status === query.status) : rows,
      };
    });
  }

  /** All municipalities (null) for the VNG and operators; those a provider serves in the period, as it sees its own contracts. */
  private async scope(tx: TenantTransaction, period: DayPeriod): Promise<string[] | null> {
    if (overviewAccess(tx.principal) === 'ALL') return null;
    return this.coverage.servedMunicipalities(tx, tx.principal.organisationId, period);
  }
}
