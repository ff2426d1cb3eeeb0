import { ApiProperty } from '@nestjs/swagger';
import { PeriodDto } from './invoicing.dto';
import { BillingDifferenceDto } from './billing-differences.dto';

export class CorrectionDryRunDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  period: PeriodDto;

  /** Credit notes a correction run would issue now (one per invoice credited). @example 1 */
  creditNotes: number;

  /** Supplementary invoices it would issue (customers without an address are held instead). @example 0 */
  supplementaryInvoices: number;

  /** What it would credit, excluding VAT. @example 215965 */
  creditCents: number;

  /** What it would invoice in addition, excluding VAT. @example 0 */
  supplementCents: number;

  /** The municipalities with a difference, as GET /contracts/{id}/billing-differences shows them. */
  items: BillingDifferenceDto[];
}
