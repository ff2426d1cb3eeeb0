import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { ToInteger } from '@wmo/common';
import { DOCUMENT_TYPES, DocumentType } from '../invoicing.constants';

export class ReadinessQuery {
  /** The calendar year a run would bill. */
  @ApiProperty({ example: 2026 })
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2026' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year: number;
}

export class ReadinessItemDto {
  /** Null for the central invoice to the contracting party. @example 'GM0106' */
  municipalityCode: string | null;

  /** @example 'Gemeente Assen' */
  name: string;

  /** invoiceAddress: no lawful invoice can be issued; oinOrKvkNumber: no e-invoice can be made. */
  @ApiProperty({ enum: ['invoiceAddress', 'oinOrKvkNumber'], isArray: true })
  missing: string[];
}

export class ReadinessDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  /** @example 2026 */
  year: number;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  documentType: DocumentType;

  /** The CBS reference date the run would bill on. */
  @ApiProperty({ format: 'date' })
  referenceDate: string;

  /** Whether the CBS figures of that date are loaded; without them a run is refused (the operator loads them). */
  populationLoaded: boolean;

  /** The customers a run would address: the participants, or the contracting party of a central invoice. */
  customers: number;

  /** Customers with an invoice address: a lawful invoice can be issued to them. */
  ready: number;

  /** Customers with an invoice address and an OIN or KvK number: an e-invoice can be made for them. */
  eInvoiceReady: number;

  /** The customers that lack something, by code. */
  items: ReadinessItemDto[];
}
