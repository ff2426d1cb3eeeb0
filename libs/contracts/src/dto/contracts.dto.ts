import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
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
import {
  EntityId,
  IsIsoDate,
  IsOptionalNotNull,
  OneOf,
  PageQuery,
  SearchParam,
  SortParam,
  SortValue,
  ToInteger,
} from '@wmo/common';
import { BillingImpactDto, IsMunicipalityCode } from '@wmo/reference-data';
import {
  BILLING_FREQUENCIES,
  BillingFrequency,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  ContractKind,
  ContractStatus,
  FUNDING_MODELS,
  FundingModel,
  REFERENCE_DATE_RULES,
  ReferenceDateRule,
  VAT_CATEGORIES,
  VatCategory,
} from '../contracts.constants';
import { IsTariffAmount } from './decimal.validators';

/** Bounds of a year given to the contract endpoints (a list filter, an enrolment, a roll-over). */
export const YEAR_MIN = 2014;
export const YEAR_MAX = 2100;

export class TariffInputDto {
  /** EUR per inhabitant per year, as a string, at most 4 decimals. */
  @ApiProperty({ example: '0.2500' })
  @IsTariffAmount()
  perInhabitant: string;

  @ApiProperty({ format: 'date', example: '2025-01-01' })
  @IsIsoDate()
  validFrom: string;

  @ApiPropertyOptional({ format: 'date', example: null })
  @IsOptional()
  @IsIsoDate()
  validTo?: string | null;
}

export class TariffDto {
  /** @example '0.2500' */
  perInhabitant: string;

  @ApiProperty({ format: 'date' })
  validFrom: string;

  @ApiProperty({ format: 'date' })
  validTo: string | null;
}

export class CreateContractDto {
  @ApiProperty({ example: 'Luisterend oor 2018 e.v.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  /** The provider (its organisation id). */
  @EntityId('a provider id')
  supplierId: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  startDate: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string | null;

  @OneOf(FUNDING_MODELS)
  fundingModel: FundingModel;

  @ApiPropertyOptional({ enum: BILLING_FREQUENCIES, default: 'ANNUAL_IN_ADVANCE' })
  @IsOptionalNotNull()
  @IsIn(BILLING_FREQUENCIES, { message: `billingFrequency must be one of ${BILLING_FREQUENCIES.join(', ')}` })
  billingFrequency?: BillingFrequency;

  @ApiPropertyOptional({ default: 30, minimum: 0, maximum: 365 })
  @IsOptionalNotNull()
  @IsInt({ message: 'paymentTermDays must be a whole number of days' })
  @Min(0)
  @Max(365)
  paymentTermDays?: number;

  @ApiPropertyOptional({ enum: REFERENCE_DATE_RULES, default: 'JANUARY_FIRST_PREVIOUS_YEAR' })
  @IsOptionalNotNull()
  @IsIn(REFERENCE_DATE_RULES, { message: `referenceDateRule must be one of ${REFERENCE_DATE_RULES.join(', ')}` })
  referenceDateRule?: ReferenceDateRule;

  /** S standard, E exempt, O outside scope, Z zero rated. */
  @OneOf(VAT_CATEGORIES)
  vatCategory: VatCategory;

  /** Percentage; required (and above 0) for S, 0 otherwise. */
  @ApiPropertyOptional({ example: '21.00' })
  @IsOptionalNotNull()
  @Matches(/^\d{1,2}(\.\d{1,2})?$|^100(\.0{1,2})?$/, { message: 'vatRate must be a percentage such as 21.00' })
  vatRate?: string;

  /** Required for E and O. */
  @ApiPropertyOptional({ example: 'Vrijgesteld van btw (art. 11 Wet OB)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  vatExemptionReason?: string | null;

  /** The supplier's services this contract covers. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each serviceId must be a UUID' })
  serviceIds?: string[];

  @OneOf(CONTRACT_KINDS)
  kind: ContractKind;

  @ApiProperty({ example: 'WMO2015_2_2_4_1B' })
  @Matches(/^[A-Z0-9_]{2,50}$/, { message: 'dutyCode must be a duty code such as WMO2015_2_2_4_1B' })
  dutyCode: string;

  /** Unique; generated when left out. */
  @ApiPropertyOptional({ example: 'VNG-SEN-2025' })
  @IsOptionalNotNull()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/, {
    message: 'reference must be 2-50 letters, digits, dots, dashes or underscores',
  })
  reference?: string;

  /** INDIVIDUAL: the contracting municipality (default: your own). */
  @IsMunicipalityCode({ example: 'GM0363', optional: true })
  municipalityCode?: string;

  @IsOptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TariffInputDto)
  tariffs?: TariffInputDto[];
}

/** Only a draft can be edited this way; an active contract changes through amendments. */
export class UpdateContractDto extends PartialType(
  OmitType(CreateContractDto, ['kind', 'dutyCode', 'municipalityCode', 'tariffs'] as const),
  // null only where the column allows it (endDate, vatExemptionReason): the rest are NOT NULL.
  { skipNullProperties: false },
) {}

export class PartyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;
}

export class ContractDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'VNG-SEN-2018' */
  reference: string;

  title: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  kind: ContractKind;

  /** ENDED is shown once an active contract is past its end date. */
  @ApiProperty({ enum: CONTRACT_STATUSES })
  status: ContractStatus;

  dutyCode: string;

  @ApiProperty({ enum: FUNDING_MODELS })
  fundingModel: FundingModel;

  contractingOrganisation: PartyDto;

  supplier: PartyDto;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ format: 'date' })
  endDate: string | null;

  @ApiProperty({ enum: BILLING_FREQUENCIES })
  billingFrequency: BillingFrequency;

  paymentTermDays: number;

  @ApiProperty({ enum: REFERENCE_DATE_RULES })
  referenceDateRule: ReferenceDateRule;

  @ApiProperty({ enum: VAT_CATEGORIES })
  vatCategory: VatCategory;

  /** @example '0.00' */
  vatRate: string;

  vatExemptionReason: string | null;

  services: PartyDto[];

  tariffs: TariffDto[];

  @ApiProperty({ format: 'date-time' })
  terminatedAt: string | null;

  terminationReason: string | null;
}

export class MunicipalityContractDto extends ContractDto {
  /** The tariff in force on the requested date. @example '0.2500' */
  tariffPerInhabitant: string | null;

  /** The municipality takes part from ... */
  @ApiProperty({ format: 'date' })
  participationFrom: string;

  @ApiProperty({ format: 'date' })
  participationTo: string | null;
}

/** A contract terminated early, with what that does to documents already issued. */
export class TerminatedContractDto extends ContractDto {
  @ApiProperty({ type: BillingImpactDto, nullable: true })
  billingImpact: BillingImpactDto | null;
}

/** A contract as the list shows it: with how many municipalities take part today. */
export class ContractListItemDto extends ContractDto {
  /** Municipalities taking part today (Europe/Amsterdam), each counted once. */
  participantsToday: number;
}

export class ContractPageDto {
  items: ContractListItemDto[];

  total: number;

  page: number;

  limit: number;
}

export const CONTRACT_SORTS = ['reference', 'title', 'startDate', 'endDate'] as const;
export type ContractSort = (typeof CONTRACT_SORTS)[number];

export class ListContractsQuery extends PageQuery {
  @SearchParam('reference or title')
  q?: string;

  /** Default: the latest start first. */
  @SortParam(CONTRACT_SORTS, '-startDate')
  sort: SortValue<ContractSort> = '-startDate';

  @OneOf(CONTRACT_KINDS, { optional: true })
  kind?: ContractKind;

  @OneOf(CONTRACT_STATUSES, { optional: true })
  status?: ContractStatus;

  /** Contracts in which this municipality takes (or took) part. */
  @IsMunicipalityCode({ optional: true })
  municipality?: string;

  /** Contracts whose term overlaps this year. */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptionalNotNull()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;
}

export class ContractIdParam {
  @EntityId('a contract id')
  id: string;
}

export class TerminateContractDto {
  /** The last day the contract covers. */
  @ApiProperty({ format: 'date' })
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

  /** A new tariff from effectiveDate; the current one ends the day before. */
  @ApiPropertyOptional({ example: '0.2600' })
  @IsOptionalNotNull()
  @IsTariffAmount()
  perInhabitant?: string;

  /** A new end date (null: open-ended). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 365 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermDays?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each serviceId must be a UUID' })
  serviceIds?: string[];
}

export class AmendmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 1 */
  number: number;

  @ApiProperty({ format: 'date' })
  effectiveDate: string;

  reason: string;

  @ApiProperty({ example: { endDate: { before: null, after: '2026-12-31' } } })
  changes: Record<string, { before: unknown; after: unknown }>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** An amendment made, with what it does to documents already issued (a tariff or end reaching back). */
export class AmendmentResultDto extends AmendmentDto {
  @ApiProperty({ type: BillingImpactDto, nullable: true })
  billingImpact: BillingImpactDto | null;
}

export class MunicipalityContractsQuery {
  /** Default: today. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsIsoDate()
  date?: string;
}
