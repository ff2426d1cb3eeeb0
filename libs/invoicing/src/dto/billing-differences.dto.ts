import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIsoDate, ToInteger } from '@wmo/common';
import { DOCUMENT_TYPES, DocumentType } from '../invoicing.constants';
import { PeriodDto } from './invoicing.dto';

export class BillingDifferencesQuery {
  /** A calendar year (or give periodStart and periodEnd). */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  periodStart?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  periodEnd?: string;
}

export class DifferenceDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'SEN-2026-000001' */
  number: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  type: DocumentType;
}

export class BillingDifferenceDto {
  /** @example 'GM1680' */
  municipalityCode: string;

  /** @example 'Aa en Hunze' */
  name: string;

  /** Billed net, excluding VAT: invoice (or allocation) lines less credit lines. @example 646125 */
  billedCents: number;

  /** Due under today's facts, excluding VAT. @example 430160 */
  dueCents: number;

  /** Due less billed: negative when billed too much. @example -215965 */
  differenceCents: number;

  documents: DifferenceDocumentDto[];

  /** Why, in Dutch, with the rule of DOMAIN.md. */
  @ApiProperty({ example: ['deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)'] })
  reasons: string[];
}

export class DifferenceTotalsDto {
  billedCents: number;

  dueCents: number;

  differenceCents: number;

  /** Municipalities whose due differs from what was billed. */
  municipalities: number;
}

export class BillingDifferencesDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  /** @example 'VNG-SEN-2018' */
  contractReference: string;

  period: PeriodDto;

  /** The CBS reference date the due is computed on. */
  @ApiProperty({ format: 'date' })
  referenceDate: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  documentType: DocumentType;

  /** Every municipality with an issued document in the period (or something due and not yet billed), by code. */
  items: BillingDifferenceDto[];

  totals: DifferenceTotalsDto;
}
