import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
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
import { IsMunicipalityCode } from '@wmo/reference-data';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, DocumentStatus, DocumentType } from '../invoicing.constants';

export class DocumentIdParam {
  @EntityId('a document id')
  id: string;
}

export class PeriodDto {
  @ApiProperty({ format: 'date' })
  start: string;

  @ApiProperty({ format: 'date' })
  end: string;
}

/** The fields the document list sorts on (`?sort=-totalCents`); municipality is the customer's name. */
export const DOCUMENT_SORT_FIELDS = [
  'number',
  'issueDate',
  'dueDate',
  'totalCents',
  'outstandingCents',
  'municipality',
  'status',
] as const;
export type DocumentSortField = (typeof DOCUMENT_SORT_FIELDS)[number];

/** The filters of the document list, which its summary shares. */
export class DocumentFilterQuery {
  /** Issue year. */
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2026' })
  @Min(2015)
  @Max(2100)
  year?: number;

  /** The year the billed period starts in (the 2025 invoices, issued in 2026). */
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'periodYear must be a whole year such as 2025' })
  @Min(2015, { message: 'periodYear must be 2015 or later' })
  @Max(2100, { message: 'periodYear must be 2100 or earlier' })
  periodYear?: number;

  @OneOf(DOCUMENT_STATUSES, { optional: true })
  status?: DocumentStatus;

  @OneOf(DOCUMENT_TYPES, { optional: true })
  type?: DocumentType;

  @IsMunicipalityCode({ optional: true })
  municipality?: string;

  @EntityId('a contract id', { optional: true })
  contract?: string;

  @EntityId('an invoice run id', { optional: true })
  run?: string;

  @SearchParam(
    "the words of the customer's (municipality's) name from their start (Assen finds Gemeente Assen, not Wassenaar), the municipality code and the document number",
  )
  q?: string;
}

export class ListDocumentsQuery extends IntersectionType(PageQuery, DocumentFilterQuery) {
  @SortParam(DOCUMENT_SORT_FIELDS, '-issueDate')
  sort: SortValue<DocumentSortField> = '-issueDate';
}

export const SUMMARY_GROUPINGS = ['year', 'periodYear'] as const;

export class DocumentSummaryQuery extends DocumentFilterQuery {
  /** Group by issue year (`year`) or by the year the billed period starts in (`periodYear`). */
  @ApiPropertyOptional({ enum: SUMMARY_GROUPINGS, default: 'year' })
  @IsOptional()
  @IsIn(SUMMARY_GROUPINGS, { message: 'by must be year or periodYear' })
  by: (typeof SUMMARY_GROUPINGS)[number] = 'year';
}

/** The list's filters without its page: every document that passes them. */
export class ExportDocumentsQuery extends OmitType(ListDocumentsQuery, ['page', 'limit'] as const) {}

export class UblQuery {
  @ApiPropertyOptional({ enum: ['nlcius', 'peppol'], default: 'nlcius' })
  @IsOptional()
  @IsIn(['nlcius', 'peppol'], { message: 'profile must be nlcius or peppol' })
  profile: 'nlcius' | 'peppol' = 'nlcius';
}

export class DocumentLineDto {
  /** @example 1 */
  lineNumber: number;

  /** @example 'GM0106' */
  municipalityCode: string | null;

  description: string;

  /** @example '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500' */
  calculation: string;

  /** @example 69701 */
  inhabitants: number;

  /** @example '0.2500' */
  perInhabitant: string;

  period: PeriodDto;

  /** @example 365 */
  days: number;

  /** @example 1742525 */
  amountCents: number;

  approximationNote: string | null;
}

export class DocumentRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'SEN-CN-2026-000001' */
  number: string;

  totalCents: number;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  amountCents: number;

  @ApiProperty({ format: 'date' })
  date: string;

  reference: string;
}

export class InvoiceDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  type: DocumentType;

  /** @example 'SEN-2026-000001' */
  number: string;

  /** Null for a central invoice to the VNG. @example 'GM0106' */
  municipalityCode: string | null;

  @ApiProperty({ format: 'uuid' })
  contractId: string;

  /** @example 'VNG-SEN-2018' */
  contractReference: string;

  @ApiProperty({ format: 'uuid' })
  runId: string | null;

  period: PeriodDto;

  @ApiProperty({ format: 'date' })
  referenceDate: string;

  @ApiProperty({ format: 'date' })
  issueDate: string;

  /** Null for an allocation statement: it is settled through the municipal fund, nothing falls due. */
  @ApiProperty({ format: 'date', nullable: true })
  dueDate: string | null;

  /** Invoices: OPEN, PARTIALLY_PAID, PAID, OVERDUE or CREDITED. Credit notes are PAID; allocation statements SETTLED_VIA_FUND (verrekend via het gemeentefonds). */
  @ApiProperty({ enum: DOCUMENT_STATUSES })
  status: DocumentStatus;

  /** @example 'EUR' */
  currency: string;

  /** @example 1742525 */
  subtotalCents: number;

  /** @example 0 */
  vatCents: number;

  /** @example 1742525 */
  totalCents: number;

  paidCents: number;

  creditedCents: number;

  outstandingCents: number;

  /** @example 'E' */
  vatCategory: string;

  /** @example '0.00' */
  vatRate: string;

  vatExemptionReason: string | null;

  /** @example '4500012345' */
  purchaseOrderNumber: string | null;

  /** @example 'Stichting Sensoor' */
  supplierName: string;

  /** The party in whose name an allocation statement is issued (the contracting party, e.g. the VNG); null for invoices and credit notes, which the supplier issues. */
  issuerName: string | null;

  /** @example 'Gemeente Assen' */
  customerName: string;

  lines: DocumentLineDto[];

  /** Credit notes correcting this invoice. */
  creditNotes: DocumentRefDto[];

  /** For a credit note: the invoice it corrects. */
  credits: DocumentRefDto | null;

  payments: PaymentDto[];
}

export class DocumentListTotalsDto {
  /** The totals (incl. VAT) of the invoices, minus those of the credit notes. @example 1742525 */
  netInvoicedCents: number;

  /** Of the allocation statements (settled through the fund withholding). @example 0 */
  allocatedCents: number;

  /** Payments recorded on the invoices. @example 0 */
  paidCents: number;

  /** What is still to be paid on the invoices (after payments and credit notes). @example 1742525 */
  outstandingCents: number;
}

export class DocumentPageDto {
  items: InvoiceDocumentDto[];

  /** Documents matching the filters, over all pages. */
  total: number;

  /** Sums over every document matching the filters (all pages), in cents. */
  totals: DocumentListTotalsDto;

  page: number;

  limit: number;
}

export class DocumentYearSummaryDto {
  /** The issue year, or the year the billed period starts in (see `by`). @example 2026 */
  year: number;

  /** Invoices in the year. @example 338 */
  invoiceCount: number;

  /** Payments recorded on the year's invoices. @example 0 */
  paidCents: number;

  /** Still to be paid and not yet due (OPEN or PARTIALLY_PAID), after payments and credit notes. @example 44841250 */
  openCents: number;

  /** Still to be paid past the due date (OVERDUE, as the list's status). @example 0 */
  overdueCents: number;
}

export class DocumentSummaryDto {
  @ApiProperty({ enum: SUMMARY_GROUPINGS })
  by: (typeof SUMMARY_GROUPINGS)[number];

  /** A row per year with at least one invoice matching the filters, oldest first. Credit notes count through the invoices they credit; allocation statements are not paid and are left out. */
  years: DocumentYearSummaryDto[];
}

export class CreditLineDto {
  @ApiProperty({ example: 1 })
  @IsInt({ message: 'lineNumber must be a line number of the invoice' })
  @Min(1)
  @Max(32_767, { message: 'lineNumber must be a line number of the invoice' }) // its column is a smallint
  lineNumber: number;

  /** Amount to credit on this line, excluding VAT, in cents. */
  @ApiProperty({ example: 10000 })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1, { message: 'amountCents must be at least 1' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'amountCents is too large' })
  amountCents: number;
}

export class CreateCreditNoteDto {
  @ApiProperty({ example: 'Inwonertal gecorrigeerd' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  /** Partial credit, each line at most once; leave out to credit all that is left. */
  @IsOptionalNotNull()
  @IsArray()
  @ArrayNotEmpty({ message: 'lines must name at least one line; leave lines out to credit all that is left' })
  @ValidateNested({ each: true })
  @Type(() => CreditLineDto)
  lines?: CreditLineDto[];
}

export class CreatePaymentDto {
  @ApiProperty({ example: 1742525 })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1, { message: 'amountCents must be at least 1' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'amountCents is too large' })
  amountCents: number;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: 'Bankafschrift 2026-114' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference: string;
}

export class OrganisationIdParam {
  @EntityId('an organisation id')
  id: string;
}

export class ReplacementDto {
  /** The full credit note on the replaced invoice. */
  creditNote: InvoiceDocumentDto;

  /** The new invoice: the same lines, today's customer details, its own number. */
  replacement: InvoiceDocumentDto;
}
