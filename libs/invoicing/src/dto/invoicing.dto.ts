import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
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
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  DocumentStatus,
  DocumentType,
  RUN_STATUSES,
  RunStatus,
} from '../invoicing.entities';

export class CreateInvoiceRunDto {
  @ApiPropertyOptional({ example: 2025, description: 'Bill this calendar year (or give periodStart and periodEnd).' })
  @IsOptional()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ format: 'date', description: 'Non-annual billing: first day of the period.' })
  @IsOptional()
  @IsIsoDate()
  periodStart?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Non-annual billing: last day of the period.' })
  @IsOptional()
  @IsIsoDate()
  periodEnd?: string;
}

export class DryRunQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Compute the lines without issuing anything.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

export class RunIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be an invoice run id (UUID)' })
  id: string;
}

export class DocumentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a document id (UUID)' })
  id: string;
}

export class ProgressDto {
  @ApiProperty({ example: 120 })
  done: number;

  @ApiProperty({ example: 338 })
  total: number;
}

export class PeriodDto {
  @ApiProperty({ format: 'date' })
  start: string;

  @ApiProperty({ format: 'date' })
  end: string;
}

/** The gaps a run lists in full; larger runs also give the count. */
export const MAX_LISTED_GAPS = 1000;

export class GapDto {
  @ApiProperty({ example: 'GM0106' })
  code: string;

  @ApiProperty({ example: ['oin', 'purchaseOrderNumber'], type: [String] })
  missing: string[];
}

export class InvoiceRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  contractId: string;

  @ApiProperty({ enum: RUN_STATUSES })
  status: RunStatus;

  @ApiProperty({ type: PeriodDto })
  period: PeriodDto;

  @ApiProperty({ format: 'date', description: 'The CBS reference date (peildatum) used.' })
  referenceDate: string;

  @ApiProperty({ type: ProgressDto })
  progress: ProgressDto;

  @ApiProperty({ example: 338 })
  documentCount: number;

  @ApiProperty({
    example: 448_412_50,
    description: 'Sum of the documents issued, in cents (the run total of an allocation run).',
  })
  totalCents: number;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({
    type: [GapDto],
    description: `Participants whose billing details were incomplete (the first ${MAX_LISTED_GAPS} by code); their documents were issued all the same.`,
  })
  gaps: GapDto[];

  @ApiProperty({ example: 12, description: 'How many documents of the run lack billing details, listed or not.' })
  gapCount: number;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a worker took the run up.' })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;
}

export class DryRunLineDto {
  @ApiProperty({ example: 'GM0106' })
  municipalityCode: string;

  @ApiProperty({ example: 'Assen' })
  name: string;

  @ApiProperty({ example: 69701 })
  inhabitants: number;

  @ApiProperty({ example: '0.2500' })
  perInhabitant: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ example: 365 })
  days: number;

  @ApiProperty({ example: 365 })
  daysInYear: number;

  @ApiProperty({ example: 1742525 })
  amountCents: number;

  @ApiProperty({ example: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500' })
  calculation: string;

  @ApiProperty({ type: String, nullable: true })
  approximationNote: string | null;
}

export class DryRunDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  @ApiProperty({ type: PeriodDto })
  period: PeriodDto;

  @ApiProperty({ format: 'date' })
  referenceDate: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  documentType: DocumentType;

  @ApiProperty({ description: 'How many documents a real run would issue.' })
  documents: number;

  @ApiProperty({ type: [DryRunLineDto] })
  lines: DryRunLineDto[];

  @ApiProperty({ description: 'Sum of the lines (excluding VAT), in cents.' })
  subtotalCents: number;
}

export class ListDocumentsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Issue year.' })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2026' })
  @Min(2015)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES, { message: `status must be one of ${DOCUMENT_STATUSES.join(', ')}` })
  status?: DocumentStatus;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES, { message: `type must be one of ${DOCUMENT_TYPES.join(', ')}` })
  type?: DocumentType;

  @ApiPropertyOptional({ example: 'GM0106' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'municipality must be a CBS municipality code such as GM0106' })
  municipality?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'contract must be a contract id (UUID)' })
  contract?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'run must be an invoice run id (UUID)' })
  run?: string;
}

export class ExportQuery {
  @ApiProperty({ example: 2026, description: 'Issue year.' })
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2026' })
  @Min(2015)
  @Max(2100)
  year: number;
}

export class UblQuery {
  @ApiPropertyOptional({ enum: ['nlcius', 'peppol'], default: 'nlcius' })
  @IsOptional()
  @IsIn(['nlcius', 'peppol'], { message: 'profile must be nlcius or peppol' })
  profile: 'nlcius' | 'peppol' = 'nlcius';
}

export class DocumentLineDto {
  @ApiProperty({ example: 1 })
  lineNumber: number;

  @ApiProperty({ type: String, nullable: true, example: 'GM0106' })
  municipalityCode: string | null;

  @ApiProperty()
  description: string;

  @ApiProperty({ example: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500' })
  calculation: string;

  @ApiProperty({ example: 69701 })
  inhabitants: number;

  @ApiProperty({ example: '0.2500' })
  perInhabitant: string;

  @ApiProperty({ type: PeriodDto })
  period: PeriodDto;

  @ApiProperty({ example: 365 })
  days: number;

  @ApiProperty({ example: 1742525 })
  amountCents: number;

  @ApiProperty({ type: String, nullable: true })
  approximationNote: string | null;
}

export class DocumentRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'SEN-CN-2026-000001' })
  number: string;

  @ApiProperty()
  totalCents: number;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  amountCents: number;

  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty()
  reference: string;
}

export class InvoiceDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  type: DocumentType;

  @ApiProperty({ example: 'SEN-2026-000001' })
  number: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'GM0106',
    description: 'Null for a central invoice to the VNG.',
  })
  municipalityCode: string | null;

  @ApiProperty({ format: 'uuid' })
  contractId: string;

  @ApiProperty({ example: 'VNG-SEN-2018' })
  contractReference: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  runId: string | null;

  @ApiProperty({ type: PeriodDto })
  period: PeriodDto;

  @ApiProperty({ format: 'date' })
  referenceDate: string;

  @ApiProperty({ format: 'date' })
  issueDate: string;

  @ApiProperty({ format: 'date' })
  dueDate: string;

  @ApiProperty({
    enum: DOCUMENT_STATUSES,
    description:
      'Invoices: OPEN, PARTIALLY_PAID, PAID, OVERDUE or CREDITED. Credit notes and allocation statements (settled through the fund withholding) are PAID.',
  })
  status: DocumentStatus;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ example: 1742525 })
  subtotalCents: number;

  @ApiProperty({ example: 0 })
  vatCents: number;

  @ApiProperty({ example: 1742525 })
  totalCents: number;

  @ApiProperty()
  paidCents: number;

  @ApiProperty()
  creditedCents: number;

  @ApiProperty()
  outstandingCents: number;

  @ApiProperty({ example: 'E' })
  vatCategory: string;

  @ApiProperty({ example: '0.00' })
  vatRate: string;

  @ApiProperty({ type: String, nullable: true })
  vatExemptionReason: string | null;

  @ApiProperty({ type: String, nullable: true, example: '4500012345' })
  purchaseOrderNumber: string | null;

  @ApiProperty({ example: 'Stichting Sensoor' })
  supplierName: string;

  @ApiProperty({ example: 'Gemeente Assen' })
  customerName: string;

  @ApiProperty({ type: [DocumentLineDto] })
  lines: DocumentLineDto[];

  @ApiProperty({ type: [DocumentRefDto], description: 'Credit notes correcting this invoice.' })
  creditNotes: DocumentRefDto[];

  @ApiProperty({ type: DocumentRefDto, nullable: true, description: 'For a credit note: the invoice it corrects.' })
  credits: DocumentRefDto | null;

  @ApiProperty({ type: [PaymentDto] })
  payments: PaymentDto[];
}

export class DocumentListTotalsDto {
  @ApiProperty({
    example: 1742525,
    description: 'The totals (incl. VAT) of the invoices, minus those of the credit notes.',
  })
  netInvoicedCents: number;

  @ApiProperty({ example: 0, description: 'Of the allocation statements (settled through the fund withholding).' })
  allocatedCents: number;

  @ApiProperty({ example: 0, description: 'Payments recorded on the invoices.' })
  paidCents: number;

  @ApiProperty({
    example: 1742525,
    description: 'What is still to be paid on the invoices (after payments and credit notes).',
  })
  outstandingCents: number;
}

export class DocumentPageDto {
  @ApiProperty({ type: [InvoiceDocumentDto] })
  items: InvoiceDocumentDto[];

  @ApiProperty({ description: 'Documents matching the filters, over all pages.' })
  total: number;

  @ApiProperty({
    type: DocumentListTotalsDto,
    description: 'Sums over every document matching the filters (all pages), in cents.',
  })
  totals: DocumentListTotalsDto;

  @ApiProperty()
  page: number;

  @ApiProperty()
  limit: number;
}

export class CreditLineDto {
  @ApiProperty({ example: 1 })
  @IsInt({ message: 'lineNumber must be a line number of the invoice' })
  @Min(1)
  lineNumber: number;

  @ApiProperty({ example: 10000, description: 'Amount to credit on this line, excluding VAT, in cents.' })
  @IsInt({ message: 'amountCents must be a whole number of cents' })
  @Min(1, { message: 'amountCents must be at least 1' })
  amountCents: number;
}

export class CreateCreditNoteDto {
  @ApiProperty({ example: 'Inwonertal gecorrigeerd' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({
    type: [CreditLineDto],
    description: 'Partial credit, each line at most once; leave out to credit all that is left.',
  })
  @IsOptional()
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

export class AddressDto {
  @ApiProperty({ example: 'Noordersingel 33' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  street: string;

  @ApiProperty({ example: '9401 JW' })
  @Matches(/^\d{4} ?[A-Z]{2}$/, { message: 'postalCode must be a Dutch postal code such as 9401 JW' })
  postalCode: string;

  @ApiProperty({ example: 'Assen' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  city: string;
}

export class PurchaseOrderDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'contractId must be a contract id (UUID)' })
  contractId: string;

  @ApiProperty({ example: 2025 })
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015)
  @Max(2100)
  year: number;

  @ApiProperty({ example: '4500012345' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  number: string;
}

export class BillingDetailsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '00000001001234567000',
    description: 'OIN: 20 digits (e-invoice address, scheme 0190).',
  })
  @IsOptional()
  @Matches(/^\d{20}$/, { message: 'oin must be 20 digits' })
  oin?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '01234567' })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'kvkNumber must be 8 digits' })
  kvkNumber?: string | null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  invoiceAddress?: AddressDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'facturen@assen.nl' })
  @IsOptional()
  @IsEmail({}, { message: 'invoiceEmail must be an e-mail address' })
  invoiceEmail?: string | null;

  @ApiPropertyOptional({ type: [PurchaseOrderDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderDto)
  purchaseOrders?: PurchaseOrderDto[];
}
