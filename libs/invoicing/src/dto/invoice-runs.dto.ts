import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EntityId, IsIsoDate } from '@wmo/common';
import { DOCUMENT_TYPES, DocumentType, RUN_STATUSES, RunStatus } from '../invoicing.constants';
import { PeriodDto } from './invoicing.dto';

export class CreateInvoiceRunDto {
  /** Bill this calendar year (or give periodStart and periodEnd). */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  /** Non-annual billing: first day of the period. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  periodStart?: string;

  /** Non-annual billing: last day of the period. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  periodEnd?: string;
}

export class DryRunQuery {
  /** Compute the lines without issuing anything. */
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

export class RunIdParam {
  @EntityId('an invoice run id')
  id: string;
}

export class ProgressDto {
  /** @example 120 */
  done: number;

  /** @example 338 */
  total: number;
}

/** The gaps a run lists in full; larger runs also give the count. */
export const MAX_LISTED_GAPS = 1000;

export class GapDto {
  /** @example 'GM0106' */
  code: string;

  @ApiProperty({ example: ['oin', 'purchaseOrderNumber'] })
  missing: string[];
}

export class InvoiceRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  contractId: string;

  @ApiProperty({ enum: RUN_STATUSES })
  status: RunStatus;

  period: PeriodDto;

  /** The CBS reference date (peildatum) used. */
  @ApiProperty({ format: 'date' })
  referenceDate: string;

  progress: ProgressDto;

  /** @example 338 */
  documentCount: number;

  /** Sum of the documents issued, in cents (the run total of an allocation run). @example 44841250 */
  totalCents: number;

  /** @example 'EUR' */
  currency: string;

  @ApiProperty({
    description: `Participants whose billing details were incomplete (the first ${MAX_LISTED_GAPS} by code); their documents were issued all the same.`,
  })
  gaps: GapDto[];

  /** How many documents of the run lack billing details, listed or not. @example 12 */
  gapCount: number;

  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  /** When a worker took the run up. */
  @ApiProperty({ format: 'date-time' })
  startedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  finishedAt: string | null;
}

export class DryRunLineDto {
  /** @example 'GM0106' */
  municipalityCode: string;

  /** @example 'Assen' */
  name: string;

  /** @example 69701 */
  inhabitants: number;

  /** @example '0.2500' */
  perInhabitant: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  /** @example 365 */
  days: number;

  /** @example 365 */
  daysInYear: number;

  /** @example 1742525 */
  amountCents: number;

  /** @example '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500' */
  calculation: string;

  approximationNote: string | null;
}

export class DryRunDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  period: PeriodDto;

  @ApiProperty({ format: 'date' })
  referenceDate: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  documentType: DocumentType;

  /** How many documents a real run would issue. */
  documents: number;

  lines: DryRunLineDto[];

  /** Sum of the lines (excluding VAT), in cents. */
  subtotalCents: number;
}
