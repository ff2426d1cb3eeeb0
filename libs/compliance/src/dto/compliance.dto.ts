import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsIsoDate, ToInteger } from '@wmo/common';
import { WeeklyIntervalDto } from '@wmo/contracts';
import { OBLIGATION_STATUSES, ObligationStatus } from '@wmo/domain';

const DUTY_CODE = /^[A-Z0-9_]{2,50}$/;

export class ObligationsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'One day (default: today). Give date, year, or from and to.' })
  @IsOptional()
  @IsIsoDate()
  date?: string;

  @ApiPropertyOptional({ example: 2025, description: 'A calendar year.' })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ format: 'date', description: 'First day of a period (with to).' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of a period (with from).' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ example: 'WMO2015_2_2_4_1B', description: 'Only this duty.' })
  @IsOptional()
  @Matches(DUTY_CODE, { message: 'duty must be a duty code such as WMO2015_2_2_4_1B' })
  duty?: string;
}

export class OverviewQuery {
  @ApiPropertyOptional({
    example: 2025,
    description: 'The year (default: this year); every municipality existing in it.',
  })
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

  @ApiPropertyOptional({ enum: OBLIGATION_STATUSES })
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES, { message: `status must be one of ${OBLIGATION_STATUSES.join(', ')}` })
  status?: ObligationStatus;

  @ApiPropertyOptional({ example: 'PV22', description: 'A province code (see GET /api/v1/provinces).' })
  @IsOptional()
  @Matches(/^PV\d{2}$/, { message: 'province must be a province code such as PV22' })
  province?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'csv: the rows as a spreadsheet (text/csv).',
  })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class DatePeriodDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;
}

export class MunicipalityRefDto {
  @ApiProperty({ example: 'GM0106' })
  code: string;

  @ApiProperty({ example: 'Assen' })
  name: string;

  @ApiProperty({ example: 'PV22' })
  provinceCode: string;

  @ApiProperty({ example: 'Drenthe' })
  provinceName: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null: existed before the CBS data begins.',
  })
  validFrom: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo: string | null;
}

export class DutyRefDto {
  @ApiProperty({ example: 'WMO2015_2_2_4_1B' })
  code: string;

  @ApiProperty({ example: 'Anoniem luisterend oor en advies' })
  name: string;

  @ApiProperty({ example: 'art. 2.2.4 lid 1 onder b Wmo 2015' })
  legalBasis: string;

  @ApiProperty({ example: ['PHONE', 'CHAT'], type: [String], description: 'Channels that count toward the duty.' })
  countingChannels: string[];

  @ApiProperty({ description: 'A counting channel must be staffed at every moment of the week.' })
  continuousAvailability: boolean;
}

export class CoverageClosureDto {
  @ApiProperty({ format: 'date-time' })
  start: string;

  @ApiProperty({ format: 'date-time' })
  end: string;

  @ApiProperty({ example: 'Onderhoud telefooncentrale' })
  reason: string;
}

export class CoverageChannelDto {
  @ApiProperty({ example: 'PHONE' })
  kind: string;

  @ApiProperty({ type: String, nullable: true, example: '0900-0767' })
  contact: string | null;

  @ApiProperty({ description: 'Counts toward the duty (real-time channels).' })
  counts: boolean;

  @ApiProperty({ type: [WeeklyIntervalDto], description: 'Weekly hours, Europe/Amsterdam time.' })
  schedule: WeeklyIntervalDto[];

  @ApiProperty({ type: [CoverageClosureDto], description: 'Dated closures within the period.' })
  closures: CoverageClosureDto[];
}

export class ServiceRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Luisterend oor' })
  name: string;

  @ApiProperty({ type: [CoverageChannelDto] })
  channels: CoverageChannelDto[];
}

export class ContractRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VNG-SEN-2018' })
  reference: string;

  @ApiProperty({ example: 'Luisterend oor vanaf 2018' })
  title: string;

  @ApiProperty({ enum: ['COLLECTIVE', 'INDIVIDUAL'] })
  kind: string;

  @ApiProperty({ enum: ['FUND_WITHHOLDING', 'DIRECT_INVOICE', 'CENTRAL_INVOICE'] })
  fundingModel: string;

  @ApiProperty({ example: 'Factuur van de aanbieder aan de gemeente' })
  fundingRoute: string;

  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' })
  contractingParty: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ example: 'Stichting Sensoor' })
  providerName: string;
}

/** Days within the judged period on which a contract covers the municipality. */
export class CoverageDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({
    format: 'date',
    description: 'The last covered day within the judged period (coveredUntil says whether coverage goes on).',
  })
  to: string;

  @ApiProperty({ type: ContractRefDto })
  contract: ContractRefDto;

  @ApiProperty({ type: [ServiceRefDto] })
  services: ServiceRefDto[];
}

export class CostLineDto {
  @ApiProperty({ example: 'VNG-SEN-2018' })
  contractReference: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ example: 69701 })
  inhabitants: number;

  @ApiProperty({ format: 'date', description: 'The CBS reference date of the inhabitants.' })
  referenceDate: string;

  @ApiProperty({ example: '0.2500' })
  perInhabitant: string;

  @ApiProperty({ example: 365 })
  days: number;

  @ApiProperty({ example: 1742525, description: 'Excluding VAT.' })
  amountCents: number;

  @ApiProperty({ example: 0 })
  vatCents: number;

  @ApiProperty({ example: '69.701 inwoners x EUR 0,2500' })
  calculation: string;
}

export class CostDto {
  @ApiProperty({ example: 2025 })
  year: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1742525,
    description: 'Excluding VAT; null when CBS figures are missing.',
  })
  amountCents: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0 })
  vatCents: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1742525 })
  totalCents: number | null;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ type: [CostLineDto] })
  lines: CostLineDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why the amount is missing or approximate.' })
  note: string | null;
}

export class DayGapDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ example: 184 })
  days: number;
}

export class WeeklyGapDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday ... 7 = Sunday: the day the gap starts' })
  weekday: number;

  @ApiProperty({ example: '22:00' })
  from: string;

  @ApiProperty({ example: '09:00', description: 'Earlier than from: the gap runs past midnight.' })
  to: string;

  @ApiProperty({ example: 660 })
  minutes: number;

  @ApiProperty({ format: 'date', description: 'First day on which this weekly gap applies.' })
  validFrom: string;

  @ApiProperty({ format: 'date' })
  validTo: string;
}

export class DatedGapDto {
  @ApiProperty({ example: '2025-03-10T02:00:00+01:00', description: 'Europe/Amsterdam time with its offset.' })
  start: string;

  @ApiProperty({ example: '2025-03-10T04:00:00+01:00' })
  end: string;

  @ApiProperty({ example: 120 })
  minutes: number;

  @ApiProperty({ type: [String], example: ['Onderhoud telefooncentrale'] })
  reasons: string[];
}

export class GapsDto {
  @ApiProperty({ type: [DayGapDto], description: 'Days without any covering contract.' })
  days: DayGapDto[];

  @ApiProperty({ type: [WeeklyGapDto], description: 'Weekly times without a counting channel (Europe/Amsterdam).' })
  weekly: WeeklyGapDto[];

  @ApiProperty({ type: [DatedGapDto], description: 'Dated intervals in which closures left no counting channel.' })
  dated: DatedGapDto[];
}

export class DutyObligationDto {
  @ApiProperty({ type: DutyRefDto })
  duty: DutyRefDto;

  @ApiProperty({
    type: DatePeriodDto,
    description:
      'The period judged: the one asked, within the days the municipality existed and the duty was in force.',
  })
  period: DatePeriodDto;

  @ApiProperty({ enum: OBLIGATION_STATUSES })
  status: ObligationStatus;

  @ApiProperty({ example: 'Assen voldoet van 01-01-2025 t/m 31-12-2025 aan de plicht.' })
  explanation: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day of the uninterrupted coverage through the judged day; null when open-ended.',
  })
  coveredUntil: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'AT_RISK: the first day without coverage.',
  })
  uncoveredFrom: string | null;

  @ApiProperty({ type: [CoverageDto] })
  coverage: CoverageDto[];

  @ApiProperty({ type: [String], example: ['DIRECT_INVOICE'] })
  fundingModels: string[];

  @ApiProperty({ type: CostDto, description: 'The cost for the municipality in the (first) year of the period.' })
  cost: CostDto;

  @ApiProperty({ type: GapsDto })
  gaps: GapsDto;
}

export class ObligationsDto {
  @ApiProperty({ type: MunicipalityRefDto })
  municipality: MunicipalityRefDto;

  @ApiProperty({ type: DatePeriodDto })
  period: DatePeriodDto;

  @ApiProperty({
    format: 'date',
    description: 'The day "now" is judged on: the date asked, or today within the period.',
  })
  asOf: string;

  @ApiProperty({ enum: OBLIGATION_STATUSES, description: 'The worst status over the duties.' })
  status: ObligationStatus;

  @ApiProperty({ type: [DutyObligationDto] })
  duties: DutyObligationDto[];
}

export class OverviewRowDto {
  @ApiProperty({ example: 'GM0106' })
  code: string;

  @ApiProperty({ example: 'Assen' })
  name: string;

  @ApiProperty({ example: 'PV22' })
  provinceCode: string;

  @ApiProperty({ example: 'Drenthe' })
  provinceName: string;

  @ApiProperty({ enum: OBLIGATION_STATUSES })
  status: ObligationStatus;

  @ApiProperty({
    type: [String],
    example: ['VNG-SEN-2018'],
    description: 'References of the contracts covering it in the year.',
  })
  contracts: string[];

  @ApiProperty({ type: [String], example: ['Stichting Sensoor'] })
  providers: string[];

  @ApiProperty({ type: [String], example: ['DIRECT_INVOICE'] })
  fundingModels: string[];

  @ApiProperty({ type: Number, nullable: true, example: 69701 })
  inhabitants: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1742525,
    description: "The year's cost including VAT, in cents.",
  })
  costCents: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  coveredUntil: string | null;

  @ApiProperty({ example: 0, description: 'Days of the year without a covering contract.' })
  gapDays: number;

  @ApiProperty({
    example: 0,
    description: 'Minutes per week without a counting channel (the longest weekly pattern in the year).',
  })
  weeklyGapMinutes: number;

  @ApiProperty({ example: 0, description: 'Dated gaps caused by closures.' })
  datedGaps: number;
}

export class StatusCountsDto {
  @ApiProperty({ example: 342 })
  COMPLIANT: number;

  @ApiProperty({ example: 0 })
  AT_RISK: number;

  @ApiProperty({ example: 0 })
  NON_COMPLIANT: number;

  @ApiProperty({ example: 342 })
  total: number;
}

export class OverviewDto {
  @ApiProperty({ example: 2025 })
  year: number;

  @ApiProperty({ type: DutyRefDto })
  duty: DutyRefDto;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({
    type: StatusCountsDto,
    description:
      'Counts per status over the municipalities of the year (and province, when filtered), before the status filter.',
  })
  counts: StatusCountsDto;

  @ApiProperty({ type: [OverviewRowDto] })
  rows: OverviewRowDto[];
}

export class EvaluationResultDto {
  @ApiProperty({ format: 'date' })
  day: string;

  @ApiProperty({ description: 'False when the day had been evaluated already.' })
  evaluated: boolean;

  @ApiProperty({ example: 684, description: 'Municipality-duty pairs judged.' })
  obligations: number;

  @ApiProperty({ example: 1, description: 'Of those, a status different from the previous evaluation.' })
  changes: number;

  @ApiProperty({ example: 2 })
  notifications: number;

  @ApiProperty({ example: 1 })
  webhookDeliveries: number;
}
