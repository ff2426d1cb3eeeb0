import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, PageQuery, ToInteger } from '@wmo/common';
import { MUNICIPALITY_CODE_PATTERN } from '@wmo/reference-data';
import {
  BILLING_FREQUENCIES,
  BillingFrequency,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  ContractKind,
  ContractStatus,
  EXCEPTION_KINDS,
  ExceptionKind,
  FUNDING_MODELS,
  FundingModel,
  REFERENCE_DATE_RULES,
  ReferenceDateRule,
  VAT_CATEGORIES,
  VatCategory,
} from '../contracts.constants';
import { IsTariffAmount } from './decimal.validators';

const YEAR_MIN = 2014;
const YEAR_MAX = 2100;

export class TariffInputDto {
  @ApiProperty({ example: '0.2500', description: 'EUR per inhabitant per year, as a string, at most 4 decimals.' })
  @IsTariffAmount()
  perInhabitant: string;

  @ApiProperty({ format: 'date', example: '2025-01-01' })
  @IsIsoDate()
  validFrom: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null })
  @IsOptional()
  @IsIsoDate()
  validTo?: string | null;
}

export class TariffDto {
  @ApiProperty({ example: '0.2500' })
  perInhabitant: string;

  @ApiProperty({ format: 'date' })
  validFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo: string | null;
}

export class CreateContractDto {
  @ApiProperty({ example: 'Luisterend oor 2018 e.v.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'uuid', description: 'The provider (its organisation id).' })
  @IsUUID('all', { message: 'supplierId must be a provider id (UUID)' })
  supplierId: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  startDate: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  endDate?: string | null;

  @ApiProperty({ enum: FUNDING_MODELS })
  @IsIn(FUNDING_MODELS, { message: `fundingModel must be one of ${FUNDING_MODELS.join(', ')}` })
  fundingModel: FundingModel;

  @ApiPropertyOptional({ enum: BILLING_FREQUENCIES, default: 'ANNUAL_IN_ADVANCE' })
  @IsOptional()
  @IsIn(BILLING_FREQUENCIES, { message: `billingFrequency must be one of ${BILLING_FREQUENCIES.join(', ')}` })
  billingFrequency?: BillingFrequency;

  @ApiPropertyOptional({ default: 30, minimum: 0, maximum: 365 })
  @IsOptional()
  @IsInt({ message: 'paymentTermDays must be a whole number of days' })
  @Min(0)
  @Max(365)
  paymentTermDays?: number;

  @ApiPropertyOptional({ enum: REFERENCE_DATE_RULES, default: 'JANUARY_FIRST_PREVIOUS_YEAR' })
  @IsOptional()
  @IsIn(REFERENCE_DATE_RULES, { message: `referenceDateRule must be one of ${REFERENCE_DATE_RULES.join(', ')}` })
  referenceDateRule?: ReferenceDateRule;

  @ApiProperty({ enum: VAT_CATEGORIES, description: 'S standard, E exempt, O outside scope, Z zero rated.' })
  @IsIn(VAT_CATEGORIES, { message: `vatCategory must be one of ${VAT_CATEGORIES.join(', ')}` })
  vatCategory: VatCategory;

  @ApiPropertyOptional({ example: '21.00', description: 'Percentage; required (and above 0) for S, 0 otherwise.' })
  @IsOptional()
  @Matches(/^\d{1,2}(\.\d{1,2})?$|^100(\.0{1,2})?$/, { message: 'vatRate must be a percentage such as 21.00' })
  vatRate?: string;

  @ApiPropertyOptional({ example: 'Vrijgesteld van btw (art. 11 Wet OB)', description: 'Required for E and O.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  vatExemptionReason?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "The supplier's services this contract covers." })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each serviceId must be a UUID' })
  serviceIds?: string[];

  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS, { message: `kind must be one of ${CONTRACT_KINDS.join(', ')}` })
  kind: ContractKind;

  @ApiProperty({ example: 'WMO2015_2_2_4_1B' })
  @Matches(/^[A-Z0-9_]{2,50}$/, { message: 'dutyCode must be a duty code such as WMO2015_2_2_4_1B' })
  dutyCode: string;

  @ApiPropertyOptional({ example: 'VNG-SEN-2025', description: 'Unique; generated when left out.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/, {
    message: 'reference must be 2-50 letters, digits, dots, dashes or underscores',
  })
  reference?: string;

  @ApiPropertyOptional({
    example: 'GM0363',
    description: 'INDIVIDUAL: the contracting municipality (default: your own).',
  })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'municipalityCode must be a CBS municipality code such as GM0363' })
  municipalityCode?: string;

  @ApiPropertyOptional({ type: [TariffInputDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TariffInputDto)
  tariffs?: TariffInputDto[];
}

/** Only a draft can be edited this way; an active contract changes through amendments. */
export class UpdateContractDto extends PartialType(
  OmitType(CreateContractDto, ['kind', 'dutyCode', 'municipalityCode', 'tariffs'] as const),
) {}

export class PartyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class ContractDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VNG-SEN-2018' })
  reference: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  kind: ContractKind;

  @ApiProperty({ enum: CONTRACT_STATUSES, description: 'ENDED is shown once an active contract is past its end date.' })
  status: ContractStatus;

  @ApiProperty()
  dutyCode: string;

  @ApiProperty({ enum: FUNDING_MODELS })
  fundingModel: FundingModel;

  @ApiProperty({ type: PartyDto })
  contractingOrganisation: PartyDto;

  @ApiProperty({ type: PartyDto })
  supplier: PartyDto;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate: string | null;

  @ApiProperty({ enum: BILLING_FREQUENCIES })
  billingFrequency: BillingFrequency;

  @ApiProperty()
  paymentTermDays: number;

  @ApiProperty({ enum: REFERENCE_DATE_RULES })
  referenceDateRule: ReferenceDateRule;

  @ApiProperty({ enum: VAT_CATEGORIES })
  vatCategory: VatCategory;

  @ApiProperty({ example: '0.00' })
  vatRate: string;

  @ApiProperty({ type: String, nullable: true })
  vatExemptionReason: string | null;

  @ApiProperty({ type: [PartyDto] })
  services: PartyDto[];

  @ApiProperty({ type: [TariffDto] })
  tariffs: TariffDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  terminatedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  terminationReason: string | null;
}

export class MunicipalityContractDto extends ContractDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.2500',
    description: 'The tariff in force on the requested date.',
  })
  tariffPerInhabitant: string | null;

  @ApiProperty({ format: 'date', description: 'The municipality takes part from ...' })
  participationFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  participationTo: string | null;
}

export class ContractPageDto {
  @ApiProperty({ type: [ContractDto] })
  items: ContractDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  limit: number;
}

export class ListContractsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONTRACT_KINDS })
  @IsOptional()
  @IsIn(CONTRACT_KINDS, { message: `kind must be one of ${CONTRACT_KINDS.join(', ')}` })
  kind?: ContractKind;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES, { message: `status must be one of ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;

  @ApiPropertyOptional({ example: 'GM0106', description: 'Contracts in which this municipality takes (or took) part.' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'municipality must be a CBS municipality code such as GM0106' })
  municipality?: string;

  @ApiPropertyOptional({ example: 2025, description: 'Contracts whose term overlaps this year.' })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;
}

export class ContractIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a contract id (UUID)' })
  id: string;
}

export class ParticipantParams extends ContractIdParam {
  @ApiProperty({ example: 'GM0106' })
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'code must be a CBS municipality code such as GM0106' })
  code: string;
}

export class TerminateContractDto {
  @ApiProperty({ format: 'date', description: 'The last day the contract covers.' })
  @IsIsoDate()
  terminationDate: string;

  @ApiProperty({ example: 'Opgezegd per 1 juli' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class CreateAmendmentDto {
  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsIsoDate()
  effectiveDate: string;

  @ApiProperty({ example: 'Indexatie tarief 2026' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({
    example: '0.2600',
    description: 'A new tariff from effectiveDate; the current one ends the day before.',
  })
  @IsOptional()
  @IsTariffAmount()
  perInhabitant?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'A new end date (null: open-ended).',
  })
  @IsOptional()
  @IsIsoDate()
  endDate?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermDays?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each serviceId must be a UUID' })
  serviceIds?: string[];
}

export class AmendmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1 })
  number: number;

  @ApiProperty({ format: 'date' })
  effectiveDate: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ type: Object, example: { endDate: { before: null, after: '2026-12-31' } } })
  changes: Record<string, { before: unknown; after: unknown }>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AddParticipantDto {
  @ApiPropertyOptional({ example: 'GM0106' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'code must be a CBS municipality code such as GM0106' })
  code?: string;

  @ApiPropertyOptional({ format: 'date', example: '2025-01-01' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  to?: string | null;

  @ApiPropertyOptional({ description: 'Enrol every municipality existing in `year` that is not excepted.' })
  @IsOptional()
  @IsBoolean({ message: 'all must be true or false' })
  all?: boolean;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;
}

export class ParticipantDto {
  @ApiProperty({ example: 'GM0106' })
  code: string;

  @ApiProperty({ example: 'Assen' })
  name: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  to: string | null;

  @ApiProperty({ example: 'ENROLMENT', enum: ['ENROLMENT', 'ROLL_OVER', 'CONTRACT'] })
  origin: string;
}

export class ParticipantListDto {
  @ApiProperty({ type: [ParticipantDto] })
  items: ParticipantDto[];

  @ApiProperty()
  total: number;
}

export class EnrolmentResultDto {
  @ApiProperty({ type: [ParticipantDto] })
  enrolled: ParticipantDto[];

  @ApiProperty({ type: [Object], example: [{ code: 'GM0363', reason: 'excepted: G4, own contract' }] })
  skipped: Array<{ code: string; reason: string }>;
}

export class ListParticipantsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Only those taking part on this date.' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class EndParticipationQuery {
  @ApiProperty({ format: 'date', example: '2025-06-30', description: 'The last day of participation.' })
  @IsIsoDate()
  endDate: string;
}

export class AddExceptionDto {
  @ApiProperty({ example: 'GM0363' })
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'code must be a CBS municipality code such as GM0363' })
  code: string;

  @ApiProperty({ enum: EXCEPTION_KINDS })
  @IsIn(EXCEPTION_KINDS, { message: `kind must be one of ${EXCEPTION_KINDS.join(', ')}` })
  kind: ExceptionKind;

  @ApiProperty({ example: 'G4: eigen contract' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: the contract start.' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  to?: string | null;
}

export class ExceptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: EXCEPTION_KINDS })
  kind: ExceptionKind;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  to: string | null;
}

export class RollOverQuery {
  @ApiProperty({ example: 2019 })
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2019' })
  @Min(2015)
  @Max(YEAR_MAX)
  year: number;
}

export class RollOverResultDto {
  @ApiProperty({ example: 2019 })
  year: number;

  @ApiProperty({
    type: [Object],
    example: [{ code: 'GM1966', from: '2019-01-01', predecessors: ['GM0005', 'GM0053', 'GM1651', 'GM1663'] }],
  })
  continued: Array<{ code: string; from: string; predecessors: string[] }>;

  @ApiProperty({ type: [String] })
  alreadyParticipating: string[];

  @ApiProperty({
    type: [Object],
    example: [
      {
        code: 'GM1969',
        predecessors: ['GM0015'],
        reason: 'GM1969 is covered by contract X on 2019-01-01',
        conflictingContract: { id: '...', reference: 'X' },
      },
    ],
  })
  conflicts: Array<{
    code: string;
    predecessors: string[];
    reason: string;
    conflictingContract?: { id: string; reference: string };
  }>;
}

export class MunicipalityContractsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}
