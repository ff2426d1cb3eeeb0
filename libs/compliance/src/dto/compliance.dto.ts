import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsIsoDate, ToInteger } from '@wmo/common';
import { WeeklyIntervalDto } from '@wmo/contracts';
import { OBLIGATION_STATUSES, ObligationStatus } from '@wmo/domain';

/** A duty code such as WMO2015_2_2_4_1B. */
export const DUTY_CODE = /^[A-Z0-9_]{2,50}$/;

export class ObligationsQuery {
  /** One day (default: today). Give date, year, or from and to. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  date?: string;

  /** A calendar year. */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  /** First day of a period (with to). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Last day of a period (with from). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  /** Only this duty. */
  @ApiPropertyOptional({ example: 'WMO2015_2_2_4_1B' })
  @IsOptional()
  @Matches(DUTY_CODE, { message: 'duty must be a duty code such as WMO2015_2_2_4_1B' })
  duty?: string;
}

export class DatePeriodDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;
}

export class MunicipalityRefDto {
  /** @example 'GM0106' */
  code: string;

  /** @example 'Assen' */
  name: string;

  /** @example 'PV22' */
  provinceCode: string;

  /** @example 'Drenthe' */
  provinceName: string;

  /** null: existed before the CBS data begins. */
  @ApiProperty({ format: 'date' })
  validFrom: string | null;

  @ApiProperty({ format: 'date' })
  validTo: string | null;
}

export class DutyRefDto {
  /** @example 'WMO2015_2_2_4_1B' */
  code: string;

  /** @example 'Anoniem luisterend oor en advies' */
  name: string;

  /** @example 'art. 2.2.4 lid 1 onder b Wmo 2015' */
  legalBasis: string;

  /** Channels that count toward the duty. */
  @ApiProperty({ example: ['PHONE', 'CHAT'] })
  countingChannels: string[];

  /** A counting channel must be staffed at every moment of the week. */
  continuousAvailability: boolean;
}

export class CoverageClosureDto {
  @ApiProperty({ format: 'date-time' })
  start: string;

  @ApiProperty({ format: 'date-time' })
  end: string;

  /** @example 'Onderhoud telefooncentrale' */
  reason: string;
}

export class CoverageChannelDto {
  /** @example 'PHONE' */
  kind: string;

  /** @example '0900-0767' */
  contact: string | null;

  /** Counts toward the duty (real-time channels). */
  counts: boolean;

  /** Weekly hours, Europe/Amsterdam time. */
  schedule: WeeklyIntervalDto[];

  /** Dated closures within the period. */
  closures: CoverageClosureDto[];
}

export class ServiceRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'Luisterend oor' */
  name: string;

  channels: CoverageChannelDto[];
}

export class ContractRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'VNG-SEN-2018' */
  reference: string;

  /** @example 'Luisterend oor vanaf 2018' */
  title: string;

  @ApiProperty({ enum: ['COLLECTIVE', 'INDIVIDUAL'] })
  kind: string;

  @ApiProperty({ enum: ['FUND_WITHHOLDING', 'DIRECT_INVOICE', 'CENTRAL_INVOICE'] })
  fundingModel: string;

  /** @example 'Factuur van de aanbieder aan de gemeente' */
  fundingRoute: string;

  /** @example 'Vereniging van Nederlandse Gemeenten' */
  contractingParty: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  /** @example 'Stichting Sensoor' */
  providerName: string;
}

/** Days within the judged period on which a contract covers the municipality. */
export class CoverageDto {
  @ApiProperty({ format: 'date' })
  from: string;

  /** The last covered day within the judged period (coveredUntil says whether coverage goes on). */
  @ApiProperty({ format: 'date' })
  to: string;

  contract: ContractRefDto;

  services: ServiceRefDto[];
}

export class CostLineDto {
  /** @example 'VNG-SEN-2018' */
  contractReference: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  /** @example 69701 */
  inhabitants: number;

  /** The CBS reference date of the inhabitants. */
  @ApiProperty({ format: 'date' })
  referenceDate: string;

  /** @example '0.2500' */
  perInhabitant: string;

  /** @example 365 */
  days: number;

  /** Excluding VAT. @example 1742525 */
  amountCents: number;

  /** @example 0 */
  vatCents: number;

  /** @example '69.701 inwoners x EUR 0,2500' */
  calculation: string;
}

export const COST_STATUSES = ['CALCULATED', 'FIGURES_MISSING', 'NO_COST'] as const;
export type CostStatus = (typeof COST_STATUSES)[number];

/** CBS figures a cost waits for. */
export class MissingFigureDto {
  /** POPULATION: the CBS population per municipality on the reference date. */
  @ApiProperty({ enum: ['POPULATION'] })
  kind: 'POPULATION';

  /** The CBS reference date (peildatum) whose figures are not loaded yet. */
  @ApiProperty({ format: 'date', example: '2025-01-01' })
  referenceDate: string;
}

export class CostDto {
  /** @example 2025 */
  year: number;

  /**
   * CALCULATED: the amounts below are the cost (lines say how); FIGURES_MISSING: the cost is not
   * known yet because CBS figures are missing (missingFigures names them; the amounts are null);
   * NO_COST: no day of the year is covered by a contract, so there is nothing to pay (0).
   */
  @ApiProperty({ enum: COST_STATUSES })
  status: CostStatus;

  /** The CBS figures the cost waits for; empty unless status is FIGURES_MISSING. */
  @ApiProperty({ type: [MissingFigureDto] })
  missingFigures: MissingFigureDto[];

  /** Excluding VAT; null when CBS figures are missing. @example 1742525 */
  amountCents: number | null;

  /** @example 0 */
  vatCents: number | null;

  /** @example 1742525 */
  totalCents: number | null;

  /** @example 'EUR' */
  currency: string;

  lines: CostLineDto[];

  /** Why the amount is missing or approximate. */
  note: string | null;
}

export class DayGapDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  /** @example 184 */
  days: number;
}

export class WeeklyGapDto {
  /** 1 = Monday ... 7 = Sunday: the day the gap starts */
  @ApiProperty({ minimum: 1, maximum: 7 })
  weekday: number;

  /** @example '22:00' */
  from: string;

  /** Earlier than from: the gap runs past midnight. @example '09:00' */
  to: string;

  /** @example 660 */
  minutes: number;

  /** First day on which this weekly gap applies. */
  @ApiProperty({ format: 'date' })
  validFrom: string;

  @ApiProperty({ format: 'date' })
  validTo: string;
}

export class DatedGapDto {
  /** Europe/Amsterdam time with its offset. @example '2025-03-10T02:00:00+01:00' */
  start: string;

  /** @example '2025-03-10T04:00:00+01:00' */
  end: string;

  /** @example 120 */
  minutes: number;

  @ApiProperty({ example: ['Onderhoud telefooncentrale'] })
  reasons: string[];
}

export class GapsDto {
  /** Days without any covering contract. */
  days: DayGapDto[];

  /** Weekly times without a counting channel (Europe/Amsterdam). */
  weekly: WeeklyGapDto[];

  /** Dated intervals in which closures left no counting channel. */
  dated: DatedGapDto[];
}

export class DutyObligationDto {
  duty: DutyRefDto;

  /** The period judged: the one asked, within the days the municipality existed and the duty was in force. */
  period: DatePeriodDto;

  @ApiProperty({ enum: OBLIGATION_STATUSES })
  status: ObligationStatus;

  /** @example 'Assen voldoet van 01-01-2025 t/m 31-12-2025 aan de plicht.' */
  explanation: string;

  /** The last day of the uninterrupted coverage through the judged day; null when open-ended. */
  @ApiProperty({ format: 'date' })
  coveredUntil: string | null;

  /** AT_RISK: the first day without coverage. */
  @ApiProperty({ format: 'date' })
  uncoveredFrom: string | null;

  coverage: CoverageDto[];

  @ApiProperty({ example: ['DIRECT_INVOICE'] })
  fundingModels: string[];

  /** The cost for the municipality in the (first) year of the period. */
  cost: CostDto;

  gaps: GapsDto;
}

export class ObligationsDto {
  municipality: MunicipalityRefDto;

  period: DatePeriodDto;

  /** The day "now" is judged on: the date asked, or today within the period. */
  @ApiProperty({ format: 'date' })
  asOf: string;

  /** The worst status over the duties. */
  @ApiProperty({ enum: OBLIGATION_STATUSES })
  status: ObligationStatus;

  duties: DutyObligationDto[];
}

export class EvaluationResultDto {
  @ApiProperty({ format: 'date' })
  day: string;

  /** False when the day had been evaluated already. */
  evaluated: boolean;

  /** Municipality-duty pairs judged. @example 684 */
  obligations: number;

  /** Of those, a status different from the previous evaluation. @example 1 */
  changes: number;

  /** @example 2 */
  notifications: number;

  /** @example 1 */
  webhookDeliveries: number;
}
