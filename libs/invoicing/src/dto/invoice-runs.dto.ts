import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EntityId, IsIsoDate, IsOptionalNotNull, OneOf, PageQuery, SortParam, SortValue, ToInteger } from '@wmo/common';
import { DOCUMENT_TYPES, DocumentType, RUN_KINDS, RUN_STATUSES, RunKind, RunStatus } from '../invoicing.constants';
import { PeriodDto } from './invoicing.dto';
import { ReadinessDto } from './readiness.dto';

export class CreateInvoiceRunDto {
  /** Bill this calendar year (or give periodStart and periodEnd). */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptionalNotNull()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  /** Non-annual billing: first day of the period. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsIsoDate()
  periodStart?: string;

  /** Non-annual billing: last day of the period. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
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

/** The held customers a run lists in full; larger numbers also give the count. */
export const MAX_LISTED_HELD = 1000;

export class HeldDto {
  /** The participant; null for the central invoice of a CENTRAL_INVOICE contract. @example 'GM0106' */
  municipalityCode: string | null;

  /** What the customer's billing details lack (see the readiness). */
  @ApiProperty({ example: ['invoiceAddress', 'oinOrKvkNumber'] })
  missing: string[];
}

export class InvoiceRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  contractId: string;

  /** INVOICE: the period's documents; CORRECTION: credit notes and supplementary invoices for the differences since. */
  @ApiProperty({ enum: RUN_KINDS })
  kind: RunKind;

  @ApiProperty({ enum: RUN_STATUSES })
  status: RunStatus;

  period: PeriodDto;

  /** The CBS reference date (peildatum) used. */
  @ApiProperty({ format: 'date' })
  referenceDate: string;

  progress: ProgressDto;

  /** The documents issued so far (while RUNNING, and by a FAILED run); final once COMPLETED. @example 338 */
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

  @ApiProperty({
    description:
      `Customers that got no invoice because their billing details lack an address (art. 35a Wet OB), the first ${MAX_LISTED_HELD} by code. ` +
      'Complete their details, then POST /invoice-runs/{id}/release-held. Not counted in documentCount.',
  })
  held: HeldDto[];

  /** How many customers the run holds, listed or not. @example 26 */
  heldCount: number;

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

  /** How many documents a real run would issue now: customers without an invoice address are held instead. */
  documents: number;

  /** How many customers a real run would hold for want of an invoice address (see readiness). */
  heldCount: number;

  /** What each customer's billing details lack, as GET /contracts/{id}/invoice-runs/readiness answers. */
  readiness: ReadinessDto;

  lines: DryRunLineDto[];

  /** Sum of the lines (excluding VAT), in cents. */
  subtotalCents: number;
}

export class ReleasedDocumentDto {
  /** @example 'GM0106' */
  municipalityCode: string | null;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  /** @example 'SEN-2026-000339' */
  number: string;
}

export class ReleaseHeldDto {
  /** The run after the release: its documents, total and what it still holds. */
  run: InvoiceRunDto;

  /** The documents issued now, numbered from this moment. */
  released: ReleasedDocumentDto[];

  /** Held customers for whom nothing is due any more under today's facts: no longer held, nothing issued. */
  @ApiProperty({ example: [] })
  nothingDue: string[];
}

/** The fields the run list sorts on (`?sort=-createdAt`). */
export const RUN_SORT_FIELDS = ['createdAt', 'periodStart', 'totalCents'] as const;
export type RunSortField = (typeof RUN_SORT_FIELDS)[number];

export class ListInvoiceRunsQuery extends PageQuery {
  @EntityId('a contract id', { optional: true })
  contract?: string;

  /** The provider (supplier) whose runs these are. */
  @EntityId('a provider organisation id', { optional: true })
  provider?: string;

  @OneOf(RUN_STATUSES, { optional: true })
  status?: RunStatus;

  @OneOf(RUN_KINDS, { optional: true })
  kind?: RunKind;

  /** The year the run's period starts in. */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @SortParam(RUN_SORT_FIELDS, '-createdAt')
  sort: SortValue<RunSortField> = '-createdAt';
}

export class RunContractDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'VNG-SEN-2018' */
  reference: string;

  /** @example 'Collectief contract luisterend oor' */
  title: string;
}

export class RunSupplierDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'Stichting Sensoor' */
  name: string;
}

/** A run in the list: what it is and what it issued, without its gaps and held customers listed (GET /invoice-runs/{id} has them). */
export class InvoiceRunListItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  contract: RunContractDto;

  supplier: RunSupplierDto;

  @ApiProperty({ enum: RUN_KINDS })
  kind: RunKind;

  @ApiProperty({ enum: RUN_STATUSES })
  status: RunStatus;

  period: PeriodDto;

  @ApiProperty({ format: 'date' })
  referenceDate: string;

  /** The documents issued (so far, while the run is not COMPLETED). @example 338 */
  documentCount: number;

  /** Sum of the documents issued, in cents; a correction run's credit notes count against it. @example 44841250 */
  totalCents: number;

  /** @example 'EUR' */
  currency: string;

  /** Customers the run holds for want of an invoice address. @example 0 */
  heldCount: number;

  /** Documents of the run whose customer's billing details lacked something. @example 12 */
  gapCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true })
  finishedAt: string | null;
}

export class InvoiceRunPageDto {
  items: InvoiceRunListItemDto[];

  /** Runs matching the filters, over all pages. */
  total: number;

  page: number;

  limit: number;
}
