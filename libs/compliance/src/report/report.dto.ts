import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ToInteger } from '@wmo/common';
import { ChannelFiguresDto } from '@wmo/statistics';
import { OBLIGATION_STATUSES, ObligationStatus } from '@wmo/domain';
import { DatePeriodDto, DutyObligationDto, MunicipalityRefDto } from '../dto/compliance.dto';

export class ReportQuery {
  /** The year the report accounts for. */
  @ApiProperty({ example: 2025 })
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2015, { message: 'year must be 2015 or later: the duty exists from 2015' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year: number;

  @ApiPropertyOptional({ enum: ['pdf', 'json'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'json'], { message: 'format must be pdf or json' })
  format?: 'pdf' | 'json';

  @ApiPropertyOptional({ example: 'WMO2015_2_2_4_1B', default: 'WMO2015_2_2_4_1B' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,50}$/, { message: 'duty must be a duty code such as WMO2015_2_2_4_1B' })
  duty?: string;
}

export class LegalBasisDto {
  /** @example 'art. 2.2.4 lid 1 onder b Wmo 2015' */
  article: string;

  @ApiProperty({
    example:
      'op ieder moment van de dag telefonisch of elektronisch anoniem een luisterend oor en advies beschikbaar te stellen',
  })
  text: string;
}

export class ReportDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['INVOICE', 'CREDIT_NOTE', 'ALLOCATION_STATEMENT'] })
  type: string;

  /** @example 'SEN-2026-000001' */
  number: string;

  @ApiProperty({ format: 'date' })
  issueDate: string;

  @ApiProperty({ format: 'date' })
  dueDate: string;

  period: DatePeriodDto;

  /** @example 'VNG-SEN-2018' */
  contractReference: string;

  /** @example 1742525 */
  totalCents: number;

  /** @example 0 */
  paidCents: number;

  /** @example 0 */
  creditedCents: number;

  @ApiProperty({ enum: ['OPEN', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'CREDITED', 'SETTLED_VIA_FUND'] })
  status: string;
}

export class DocumentTotalsDto {
  /** Invoices, less credit notes. @example 1742525 */
  invoicedCents: number;

  /** Allocation statements: withheld from the Municipal Fund. @example 0 */
  allocatedCents: number;

  /** @example 0 */
  paidCents: number;

  /** @example 1742525 */
  outstandingCents: number;
}

export class ServiceFiguresDto {
  @ApiProperty({ format: 'uuid' })
  providerId: string;

  /** @example 'Stichting Sensoor' */
  providerName: string;

  /** The most recent year with figures, up to the report year. @example 2016 */
  year: number;

  channels: ChannelFiguresDto[];

  /** @example 253777 */
  totalConversations: number;
}

export class ComplianceReportDto {
  /** @example 'Verantwoording anoniem luisterend oor 2025: Assen' */
  title: string;

  municipality: MunicipalityRefDto;

  /** @example 2025 */
  year: number;

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;

  /**
   * The last day the verdict speaks for: today while the year runs ("t/m vandaag"), else the
   * year's (or the municipality's) last day.
   */
  @ApiProperty({ format: 'date', example: '2025-12-31' })
  judgedThrough: string;

  legalBasis: LegalBasisDto;

  @ApiProperty({ enum: OBLIGATION_STATUSES })
  status: ObligationStatus;

  /** The obligation over the year: coverage, channels and hours, gaps, cost and funding. */
  obligation: DutyObligationDto;

  /** Invoices, credit notes and allocation statements for the year, with their payment status. */
  documents: ReportDocumentDto[];

  documentTotals: DocumentTotalsDto;

  /** The providers' national figures, for context: never per municipality, the help is anonymous. */
  serviceFigures: ServiceFiguresDto[];
}
