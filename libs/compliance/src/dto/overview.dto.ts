import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { OneOf, ToInteger } from '@wmo/common';
import { OBLIGATION_STATUSES, ObligationStatus } from '@wmo/domain';
import { DUTY_CODE, DutyRefDto } from './compliance.dto';

export class OverviewQuery {
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

export class OverviewDto {
  /** @example 2025 */
  year: number;

  duty: DutyRefDto;

  @ApiProperty({ format: 'date' })
  asOf: string;

  /** Counts per status over the municipalities of the year (and province, when filtered), before the status filter. */
  counts: StatusCountsDto;

  rows: OverviewRowDto[];
}
