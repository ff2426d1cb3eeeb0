import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIBAN,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHANNEL_KINDS, ChannelKind } from '../contracts.constants';
import { IsOptionalNotNull, OneOf } from '@wmo/common';

export class CreateProviderDto {
  @ApiProperty({ example: 'Stichting Sensoor' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  legalName: string;

  /** Chamber of Commerce (KvK) number: 8 digits. */
  @ApiProperty({ example: '41150000' })
  @Matches(/^\d{8}$/, { message: 'kvkNumber must be 8 digits' })
  kvkNumber: string;

  /** Dutch VAT id (btw-identificatienummer). */
  @ApiPropertyOptional({ example: 'NL001234567B01' })
  @IsOptional()
  @Matches(/^NL\d{9}B\d{2}$/, { message: 'vatId must look like NL001234567B01' })
  vatId?: string | null;

  @ApiProperty({ example: 'NL91ABNA0417164300' })
  @Matches(/^NL\d{2}[A-Z]{4}\d{10}$/, { message: 'iban must be a Dutch IBAN such as NL91ABNA0417164300' })
  @IsIBAN(undefined, { message: 'iban has check digits that do not add up: a digit is mistyped' })
  iban: string;

  @ApiProperty({ example: 'Postbus 1' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  street: string;

  @ApiProperty({ example: '3500 AA' })
  @Matches(/^\d{4} ?[A-Z]{2}$/, { message: 'postalCode must be a Dutch postal code such as 3500 AA' })
  postalCode: string;

  @ApiProperty({ example: 'Utrecht' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  city: string;

  @ApiPropertyOptional({ example: 'facturen@sensoor.example' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  /** Invoice numbers start with it: SEN-2025-000001. 2-10 capital letters, unique. */
  @ApiProperty({ example: 'SEN' })
  @Matches(/^[A-Z]{2,10}$/, { message: 'invoicePrefix must be 2 to 10 capital letters' })
  invoicePrefix: string;
}

/** Any field may be left out; `null` only for the optional ones (VAT id, e-mail): the others' columns are NOT NULL. */
export class UpdateProviderDto extends PartialType(CreateProviderDto, { skipNullProperties: false }) {}

/**
 * A provider. Its legal and billing details (KvK number, VAT id, IBAN, address, e-mail) are shown
 * only to the operator and to the provider's own users; anyone else gets the provider without them.
 */
export class ProviderDto {
  /** The provider organisation. */
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Stichting Sensoor' })
  legalName: string;

  /** Invoice numbers start with it: SEN-2025-000001. */
  @ApiProperty({ example: 'SEN' })
  invoicePrefix: string;

  /** Chamber of Commerce (KvK) number; only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: '41150000' })
  kvkNumber?: string;

  /** Dutch VAT id, when it has one; only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: 'NL001234567B01' })
  vatId?: string;

  /** Only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: 'NL91ABNA0417164300' })
  iban?: string;

  /** Only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: 'Postbus 1' })
  street?: string;

  /** Only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: '3500 AA' })
  postalCode?: string;

  /** Only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: 'Utrecht' })
  city?: string;

  /** Only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: 'NL' })
  countryCode?: string;

  /** Only for the operator and the provider itself. */
  @ApiPropertyOptional({ example: 'facturen@sensoor.example' })
  email?: string;
}

export class WeeklyIntervalDto {
  /** 1 = Monday ... 7 = Sunday */
  // The plugin would list the literal type's members in the compiler's order: state the enum.
  @ApiProperty({ enum: [1, 2, 3, 4, 5, 6, 7], minimum: 1, maximum: 7, example: 1 })
  @IsIn([1, 2, 3, 4, 5, 6, 7], { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;

  @ApiProperty({ example: '09:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'from must be a time HH:MM' })
  from: string;

  /** May be 24:00. */
  @ApiProperty({ example: '22:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'to must be a time HH:MM or 24:00' })
  to: string;
}

export class ClosureDto {
  /** Start of the closure (ISO 8601 with offset). */
  @ApiProperty({ example: '2025-12-24T18:00:00+01:00' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'from must be a date-time with offset, e.g. 2025-12-24T18:00:00+01:00',
  })
  from: string;

  @ApiProperty({ example: '2025-12-25T08:00:00+01:00' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'to must be a date-time with offset, e.g. 2025-12-25T08:00:00+01:00',
  })
  to: string;

  @ApiProperty({ example: 'Onderhoud telefooncentrale' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  reason: string;
}

export class ChannelDto {
  @OneOf(CHANNEL_KINDS)
  kind: ChannelKind;

  @ApiPropertyOptional({ example: '0900-0767' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  contact?: string;

  /** Weekly hours in Europe/Amsterdam local time. Phone 24/7: 00:00-24:00 every weekday. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WeeklyIntervalDto)
  schedule: WeeklyIntervalDto[];

  @IsOptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ClosureDto)
  closures?: ClosureDto[];
}

export class CreateServiceDto {
  @ApiProperty({ example: 'Luisterend oor' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: 'WMO2015_2_2_4_1B' })
  @Matches(/^[A-Z0-9_]{2,50}$/, { message: 'dutyCode must be a duty code such as WMO2015_2_2_4_1B' })
  dutyCode: string;

  @ArrayMinSize(1, { message: 'channels must list at least one channel' })
  @ValidateNested({ each: true })
  @Type(() => ChannelDto)
  channels: ChannelDto[];
}

export class AddClosureDto extends ClosureDto {
  /** Which channel of the service closes. */
  @OneOf(CHANNEL_KINDS)
  channel: ChannelKind;
}

export class ClosureViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  reason: string;
}

export class ChannelViewDto {
  @ApiProperty({ enum: CHANNEL_KINDS })
  kind: ChannelKind;

  contact: string | null;

  schedule: WeeklyIntervalDto[];

  closures: ClosureViewDto[];
}

export class ServiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  name: string;

  description: string | null;

  dutyCode: string;

  channels: ChannelViewDto[];
}

export class ServiceParams {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'id must be a UUID' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'serviceId must be a UUID' })
  serviceId: string;
}

export class DutyDto {
  /** @example 'WMO2015_2_2_4_1B' */
  code: string;

  name: string;

  description: string;

  /** @example 'art. 2.2.4 lid 1 onder b Wmo 2015' */
  legalBasis: string;

  @ApiProperty({ format: 'date' })
  inForceFrom: string;

  @ApiProperty({ enum: CHANNEL_KINDS, isArray: true })
  countingChannels: ChannelKind[];

  /** A counting channel must be available at every moment of the week. */
  continuousAvailability: boolean;
}

/** `?dryRun=true`: answer what the change would do, write nothing (as the imports and invoice runs do). */
export class DryRunQuery {
  /** true: check the change and answer its compliance effect; nothing is written. */
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

/** A channel's new contact and weekly hours; a kind the service lacks is added. */
export class ChannelChangeDto {
  @OneOf(CHANNEL_KINDS)
  kind: ChannelKind;

  /** Left out: unchanged. */
  @ApiPropertyOptional({ example: 'https://www.sensoor.nl/chat' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  contact?: string;

  /** The whole week's hours in Europe/Amsterdam local time (an empty list: closed all week). */
  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WeeklyIntervalDto)
  schedule: WeeklyIntervalDto[];
}

/** Any field may be left out; channels not listed stay as they are (closures have their own routes). */
export class UpdateServiceDto {
  @ApiPropertyOptional({ example: 'Luisterend oor' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsOptionalNotNull()
  @ArrayMinSize(1, { message: 'channels must list at least one channel' })
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ChannelChangeDto)
  channels?: ChannelChangeDto[];
}

export class ClosureParams extends ServiceParams {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'closureId must be a UUID' })
  closureId: string;
}

/** A weekly time without a counting channel (Amsterdam time); `to` before `from` runs past midnight. */
export class EffectWeeklyGapDto {
  @ApiProperty({ enum: [1, 2, 3, 4, 5, 6, 7], example: 7 })
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;

  @ApiProperty({ example: '02:00' })
  from: string;

  @ApiProperty({ example: '06:00' })
  to: string;

  minutes: number;
}

/** A dated interval in which closures leave no counting channel staffed. */
export class EffectDatedGapDto {
  /** ISO 8601 with the Amsterdam offset. */
  @ApiProperty({ example: '2026-12-24T18:00:00+01:00' })
  start: string;

  @ApiProperty({ example: '2026-12-25T08:00:00+01:00' })
  end: string;

  minutes: number;

  reasons: string[];
}

/** Whether a counting channel is staffed at every moment the duty asks, on the covered days. */
export class HoursCoverageDto {
  covered: boolean;

  weeklyGaps: EffectWeeklyGapDto[];

  datedGaps: EffectDatedGapDto[];

  /** In Dutch. */
  @ApiProperty({ example: 'niet bereikbaar op zondag van 02:00 tot 06:00' })
  summary: string;
}

export class EffectMunicipalityDto {
  @ApiProperty({ example: 'GM0106' })
  code: string;

  @ApiProperty({ example: 'Assen' })
  name: string;
}

/** Municipalities whose coverage the change alters in the same way. */
export class EffectGroupDto {
  /** UNCOVERED: covered now, not after; COVERED: the reverse; CHANGED: other gaps, still uncovered; UNCHANGED. */
  @ApiProperty({ enum: ['UNCOVERED', 'COVERED', 'CHANGED', 'UNCHANGED'] })
  change: 'UNCOVERED' | 'COVERED' | 'CHANGED' | 'UNCHANGED';

  /** By code. */
  municipalities: EffectMunicipalityDto[];

  before: HoursCoverageDto;

  after: HoursCoverageDto;

  /** The gaps the change creates. */
  newWeeklyGaps: EffectWeeklyGapDto[];

  newDatedGaps: EffectDatedGapDto[];

  /** In Dutch, empty when there are none. */
  @ApiProperty({ example: 'op zondag van 02:00 tot 06:00' })
  newGapsText: string;
}

export class EffectPeriodDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;
}

/**
 * What a change does to the duty of every municipality a contract delivering the service covers,
 * from today for a year (or to the end of the last closure): the compliance rules with the service
 * as it is and as it would be. Days without a contract do not depend on the service and are left out.
 */
export class ServiceEffectDto {
  @ApiProperty({ example: 'WMO2015_2_2_4_1B' })
  dutyCode: string;

  period: EffectPeriodDto;

  /** Municipalities the service covers on some day of the period. */
  municipalities: number;

  /** Covered now, no longer after the change. */
  becomeUncovered: number;

  becomeCovered: number;

  /** Other gaps, but uncovered before and after. */
  changed: number;

  unchanged: number;

  /** The changed groups first (uncovered, covered, changed), then the unchanged; each by size. */
  groups: EffectGroupDto[];
}

/** A change to a service with its compliance effect; `applied` false for a dry run (nothing written). */
export class ServiceChangeDto {
  applied: boolean;

  /** The service as saved; for a dry run as it still is. */
  service: ServiceDto;

  /** The change in Dutch, a line per channel change: "Chat: 08:00-22:00 (was: dag en nacht)". */
  changes: string[];

  effect: ServiceEffectDto;
}
