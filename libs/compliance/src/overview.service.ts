import { Injectable } from '@nestjs/common';
import { CoverageReader } from '@wmo/contracts';
import { todayInAmsterdam, yearOf } from '@wmo/domain';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { overviewAccess } from './access.rules';
import { WMO_DUTY } from './compliance.constants';
import { dutyRef } from './compliance.mapper';
import { yearlyCost } from './cost.rules';
import { CoverageSnapshots } from './coverage-snapshot';
import type { DutyRefDto } from './dto/compliance.dto';
import type { OverviewDto, OverviewQuery, OverviewRowDto, StatusCountsDto } from './dto/overview.dto';
import { judgeAll, pickDuties } from './judgement.rules';
import {
  JudgedRow,
  matches,
  missingFigures,
  overviewRow,
  provinceTotals,
  sortRows,
  statusCounts,
  totalsOf,
} from './overview.rules';
import { clamp, DayPeriod, yearPeriod } from './period.rules';

/** The overview's rows without paging (the spreadsheet's). */
export interface OverviewRows {
  year: number;
  duty: DutyRefDto;
  asOf: string;
  counts: StatusCountsDto;
  rows: OverviewRowDto[];
}

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

  /** The answer as a list: one page of the rows, with counts and totals over the whole filtered set. */
  async page(query: Partial<OverviewQuery>): Promise<OverviewDto> {
    const { judged, ...year } = await this.judge(query);
    const { q, fundingModel, status, province } = query;
    const searched = judged.filter(({ row }) => matches(row, { q, fundingModel })).map(({ row }) => row);
    const inProvince = searched.filter((row) => matches(row, { province }));
    const rows = sortRows(
      inProvince.filter((row) => matches(row, { status })),
      query.sort ?? 'name',
    );
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    return {
      ...year,
      items: rows.slice((page - 1) * limit, page * limit),
      total: rows.length,
      page,
      limit,
      counts: statusCounts(inProvince),
      totals: totalsOf(rows),
      provinces: provinceTotals(searched),
      missingFigures: missingFigures(judged),
    };
  }

  /** Every row matching the filters (no page), in the asked order: for the spreadsheet. */
  async overview(query: Partial<OverviewQuery>): Promise<OverviewRows> {
    const { judged, ...year } = await this.judge(query);
    const inProvince = judged.map(({ row }) => row).filter((row) => matches(row, { ...query, status: undefined }));
    return {
      ...year,
      counts: statusCounts(inProvince),
      rows: sortRows(
        inProvince.filter((row) => matches(row, { status: query.status })),
        query.sort ?? 'name',
      ),
    };
  }

  private judge(
    query: Partial<OverviewQuery>,
  ): Promise<{ year: number; duty: DutyRefDto; asOf: string; judged: JudgedRow[] }> {
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
      // Every province: the national picture counts them all; the filters narrow afterwards.
      const judged = judgeAll(snapshot, { duties: [duty], period, asOf }).map((j): JudgedRow => {
        const cost = yearlyCost({
          code: j.municipality.code,
          ranges: j.ranges,
          contracts: snapshot.contracts,
          year: yearOf(j.period.from),
          ...costBasis,
        });
        return { row: overviewRow(j, cost), missingFigures: cost.missingFigures };
      });
      return { year, duty: dutyRef(duty), asOf, judged };
    });
  }

  /** All municipalities (null) for the VNG and operators; those a provider serves in the period, as it sees its own contracts. */
  private async scope(tx: TenantTransaction, period: DayPeriod): Promise<string[] | null> {
    if (overviewAccess(tx.principal) === 'ALL') return null;
    return this.coverage.servedMunicipalities(tx, tx.principal.organisationId, period);
  }
}
