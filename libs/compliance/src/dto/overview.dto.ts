import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { OneOf, PageQuery, SearchParam, SortParam, SortValue, ToInteger } from '@wmo/common';
import { FUNDING_MODELS, FundingModel } from '@wmo/contracts';
import { OBLIGATION_STATUSES, ObligationStatus } from '@wmo/domain';
import { DUTY_CODE, DutyRefDto, MissingFigureDto } from './compliance.dto';

/** The fields the overview sorts on (`?sort=-inhabitants`): status in the order COMPLIANT, AT_RISK, NON_COMPLIANT. */
export const OVERVIEW_SORTS = [
  'name',
  'code',
  'province',
  'status',
  'inhabitants',
  'costCents',
  'gapDays',
  'coveredUntil',
] as const;
export type OverviewSortField = (typeof OVERVIEW_SORTS)[number];

export class OverviewQuery extends PageQuery {
  /** The year (default: this year); every municipality existing in it. */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ example: 'WMO2015_2_2_4_1B', default: 'WMO2015_2_2_4_1B' })
  @IsOptional()
  @Matches(DUTY_CODE, { message: 'duty must be a duty code such as WMO2015_2_2_4_1B' })
  duty?: string;

  @OneOf(OBLIGATION_STATUSES, { optional: true })
  status?: ObligationStatus;

  /** A province code (see GET /api/v1/provinces). */
  @ApiPropertyOptional({ example: 'PV22' })
  @IsOptional()
  @Matches(/^PV\d{2}$/, { message: 'province must be a province code such as PV22' })
  province?: string;

  /** Only municipalities covered by a contract with this funding model in the year. */
  @OneOf(FUNDING_MODELS, { optional: true })
  fundingModel?: FundingModel;

  @SearchParam('municipality name or code (accents optional: fryslan finds Fryslân)')
  q?: string;

  @SortParam(OVERVIEW_SORTS, 'name')
  sort?: SortValue<OverviewSortField>;
}

export class OverviewRowDto {
  /** @example 'GM0106' */
  code: string;

  /** @example 'Assen' */
  name: string;

  /** @example 'PV22' */
  provinceCode: string;

  /** @example 'Drenthe' */
  provinceName: string;

  @ApiProperty({ enum: OBLIGATION_STATUSES })
  status: ObligationStatus;

  /** References of the contracts covering it in the year. */
  @ApiProperty({ example: ['VNG-SEN-2018'] })
  contracts: string[];

  @ApiProperty({ example: ['Stichting Sensoor'] })
  providers: string[];

  @ApiProperty({ example: ['DIRECT_INVOICE'] })
  fundingModels: string[];

  /** @example 69701 */
  inhabitants: number | null;

  /** The year's cost including VAT, in cents. @example 1742525 */
  costCents: number | null;

  @ApiProperty({ format: 'date' })
  coveredUntil: string | null;

  /** Days of the year without a covering contract. @example 0 */
  gapDays: number;

  /** Minutes per week without a counting channel (the longest weekly pattern in the year). @example 0 */
  weeklyGapMinutes: number;

  /** Dated gaps caused by closures. @example 0 */
  datedGaps: number;
}

export class StatusCountsDto {
  /** @example 342 */
  COMPLIANT: number;

  /** @example 0 */
  AT_RISK: number;

  /** @example 0 */
  NON_COMPLIANT: number;

  /** @example 342 */
  total: number;
}

/**
 * Municipalities, statuses, inhabitants and cost added up. A sum is null when a figure is unknown
 * for any municipality in it (unknownInhabitants / unknownCost say for how many): never a sum of
 * the known ones passed off as the whole.
 */
export class OverviewTotalsDto {
  /** @example 342 */
  municipalities: number;

  /** @example 342 */
  COMPLIANT: number;

  /** @example 0 */
  AT_RISK: number;

  /** @example 0 */
  NON_COMPLIANT: number;

  /** Null when unknown for any of them. @example 17942417 */
  inhabitants: number | null;

  /** Including VAT; null when unknown for any of them. @example 448560425 */
  costCents: number | null;

  /** Municipalities whose inhabitants are unknown. @example 0 */
  unknownInhabitants: number;

  /** Municipalities whose cost is unknown. @example 0 */
  unknownCost: number;

  /** True when no figure is unknown. */
  complete: boolean;
}

export class ProvinceTotalsDto extends OverviewTotalsDto {
  /** @example 'PV22' */
  code: string;

  /** @example 'Drenthe' */
  name: string;
}

/** CBS figures the year's cost waits for, and for how many municipalities in the overview. */
export class OverviewMissingFigureDto extends MissingFigureDto {
  /** @example 338 */
  municipalities: number;
}

/** The overview as a list (page, sort, q) with its totals over the whole filtered set, never the page alone. */
export class OverviewDto {
  /** @example 2025 */
  year: number;

  duty: DutyRefDto;

  @ApiProperty({ format: 'date' })
  asOf: string;

  /** This page of the rows matching every filter, in the asked order. */
  items: OverviewRowDto[];

  /** Rows matching every filter. @example 342 */
  total: number;

  /** @example 1 */
  page: number;

  /** @example 50 */
  limit: number;

  /** Counts per status over the rows matching q, province and fundingModel: before the status filter. */
  counts: StatusCountsDto;

  /** Over all rows matching every filter (not the page). */
  totals: OverviewTotalsDto;

  /** Per province over the rows matching q and fundingModel, before the status and province filters: the year's national picture. */
  @ApiProperty({ type: [ProvinceTotalsDto] })
  provinces: ProvinceTotalsDto[];

  /** CBS figures missing for the year's cost, over all municipalities the caller sees in the year; empty when none. */
  @ApiProperty({ type: [OverviewMissingFigureDto] })
  missingFigures: OverviewMissingFigureDto[];
}
