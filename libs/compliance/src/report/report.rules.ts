import { Cents, minusCents, sumCents, ZERO_CENTS } from '@wmo/domain';
import { WMO_DUTY } from '../compliance.constants';
import type { DutyRefDto } from '../dto/compliance.dto';
import type { DocumentTotalsDto, LegalBasisDto, ReportDocumentDto, ServiceFiguresDto } from './report.dto';

/** The words of the law, as the seeds quote them (VNG factsheet, Sensoor). */
const WMO_LEGAL_BASIS = {
  article: 'art. 2.2.4 lid 1 onder b Wmo 2015',
  text: 'op ieder moment van de dag telefonisch of elektronisch anoniem een luisterend oor en advies beschikbaar te stellen',
};

/** What the report reads of an invoicing document about the municipality. */
export interface ReportDocument {
  id: string;
  type: string;
  number: string;
  issueDate: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  contractReference: string;
  totalCents: Cents;
  paidCents: Cents;
  creditedCents: Cents;
  status: string;
}

/** What the report reads of a provider's national figures for a year. */
export interface ProviderYear {
  providerId: string;
  year: number;
  channels: ServiceFiguresDto['channels'];
  totalConversations: number;
}

/** The Wmo duty in the words of the law; another duty by its legal basis and name. */
export function legalBasis(duty: DutyRefDto): LegalBasisDto {
  return duty.code === WMO_DUTY ? WMO_LEGAL_BASIS : { article: duty.legalBasis, text: duty.name };
}

export function reportDocument(document: ReportDocument): ReportDocumentDto {
  return {
    id: document.id,
    type: document.type,
    number: document.number,
    issueDate: document.issueDate,
    dueDate: document.dueDate,
    contractReference: document.contractReference,
    totalCents: document.totalCents,
    paidCents: document.paidCents,
    creditedCents: document.creditedCents,
    status: document.status,
    period: { from: document.periodStart, to: document.periodEnd },
  };
}

/** Invoiced (invoices less what was credited on them), withheld by allocation, paid, and still open. */
export function documentTotals(documents: readonly ReportDocument[]): DocumentTotalsDto {
  const sum = (type: string, pick: (d: ReportDocument) => Cents) =>
    sumCents(documents.filter((d) => d.type === type).map(pick));
  const invoiced = sum('INVOICE', (d) => minusCents(d.totalCents, d.creditedCents));
  const paid = sum('INVOICE', (d) => d.paidCents);
  return {
    invoicedCents: invoiced,
    allocatedCents: sum('ALLOCATION_STATEMENT', (d) => d.totalCents),
    paidCents: paid,
    outstandingCents: invoiced > paid ? minusCents(invoiced, paid) : ZERO_CENTS,
  };
}

/**
 * Per provider that covered the municipality (in the order of the coverage), its national figures
 * of the report year, or of the latest year before it that has figures; none without any.
 * `totals` is grouped by provider, newest year first.
 */
export function serviceFigures(
  providers: ReadonlyMap<string, string>,
  totals: readonly ProviderYear[],
  year: number,
): ServiceFiguresDto[] {
  return [...providers].flatMap(([providerId, providerName]) => {
    const latest = totals.find((t) => t.providerId === providerId && t.year <= year);
    return latest
      ? [
          {
            providerId,
            providerName,
            year: latest.year,
            channels: latest.channels,
            totalConversations: latest.totalConversations,
          },
        ]
      : [];
  });
}
