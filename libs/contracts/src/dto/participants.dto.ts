import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
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
import { EXCEPTION_KINDS, ExceptionKind } from '../contracts.constants';
import { ContractIdParam, YEAR_MAX, YEAR_MIN } from './contracts.dto';

// Who takes part in a contract: participants, enrolment, the roll-over after a merger, exceptions.

export const PARTICIPANT_SORTS = ['name', 'code', 'from', 'until'] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

/** Read on `date`: taking part that day, ended before it, starting after it, or every participation. */
export const PARTICIPANT_STATUSES = ['active', 'ended', 'future', 'all'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export class ParticipantParams extends ContractIdParam {
  @IsMunicipalityCode()
  code: string;
}

export class AddParticipantDto {
  @IsMunicipalityCode({ optional: true })
  code?: string;

  @ApiPropertyOptional({ format: 'date', example: '2025-01-01' })
  @IsOptionalNotNull()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  to?: string | null;

  /** Enrol every municipality existing in `year` that is not excepted. */
  @IsOptionalNotNull()
  @IsBoolean({ message: 'all must be true or false' })
  all?: boolean;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptionalNotNull()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;
}

export class ParticipantDto {
  /** @example 'GM0106' */
  code: string;

  /** @example 'Assen' */
  name: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string | null;

  @ApiProperty({ example: 'ENROLMENT', enum: ['ENROLMENT', 'ROLL_OVER', 'CONTRACT'] })
  origin: string;
}

export class ParticipantListDto {
  items: ParticipantDto[];

  /** How many participations the status and search match (all pages). */
  total: number;

  page: number;

  limit: number;

  /** The day the status is read on (today in Europe/Amsterdam unless asked). */
  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty({ enum: PARTICIPANT_STATUSES })
  status: ParticipantStatus;
}

export class EnrolmentResultDto {
  enrolled: ParticipantDto[];

  @ApiProperty({ type: [Object], example: [{ code: 'GM0363', reason: 'excepted: G4, own contract' }] })
  skipped: Array<{ code: string; reason: string }>;

  /** What the enrolment does to documents already issued; null when it reaches none. */
  @ApiProperty({ type: BillingImpactDto, nullable: true })
  billingImpact: BillingImpactDto | null;
}

/** A participation ended, with what that does to documents already issued. */
export class EndedParticipantDto extends ParticipantDto {
  @ApiProperty({ type: BillingImpactDto, nullable: true })
  billingImpact: BillingImpactDto | null;
}

export class ListParticipantsQuery extends PageQuery {
  /** The day `status` is read on. Default: today in Europe/Amsterdam. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsIsoDate()
  date?: string;

  /** `active` (default): taking part on `date`; `ended`: ended before it; `future`: starting after it; `all`. */
  @OneOf(PARTICIPANT_STATUSES, { optional: true })
  status: ParticipantStatus = 'active';

  @SearchParam('municipality name or code')
  q?: string;

  @SortParam(PARTICIPANT_SORTS, 'name')
  sort: SortValue<ParticipantSort> = 'name';
}

export class EndParticipationQuery {
  /** The last day of participation. */
  @ApiProperty({ format: 'date', example: '2025-06-30' })
  @IsIsoDate()
  endDate: string;
}

export class AddExceptionDto {
  @IsMunicipalityCode({ example: 'GM0363' })
  code: string;

  @OneOf(EXCEPTION_KINDS)
  kind: ExceptionKind;

  @ApiProperty({ example: 'G4: eigen contract' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  /** Default: the contract start. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  to?: string | null;
}

export class ExceptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  code: string;

  name: string;

  @ApiProperty({ enum: EXCEPTION_KINDS })
  kind: ExceptionKind;

  reason: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string | null;
}

/** An exception added, with what that does to documents already issued. */
export class AddedExceptionDto extends ExceptionDto {
  @ApiProperty({ type: BillingImpactDto, nullable: true })
  billingImpact: BillingImpactDto | null;
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
  /** @example 2019 */
  year: number;

  @ApiProperty({
    type: [Object],
    example: [{ code: 'GM1966', from: '2019-01-01', predecessors: ['GM0005', 'GM0053', 'GM1651', 'GM1663'] }],
  })
  continued: Array<{ code: string; from: string; predecessors: string[] }>;

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

  /** What the roll-over does to documents already issued; null when it reaches none. */
  @ApiProperty({ type: BillingImpactDto, nullable: true })
  billingImpact: BillingImpactDto | null;
}
