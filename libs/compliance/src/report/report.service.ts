import { Injectable } from '@nestjs/common';
import { documentsForMunicipalityYear } from '@wmo/invoicing';
import { providerYearTotals } from '@wmo/statistics';
import { isOperator, ScopedDatabase, TenantContext } from '@wmo/tenancy';
import { ComplianceError, ComplianceErrorCode } from '../compliance.errors';
import { ComplianceService, WMO_DUTY } from '../compliance.service';
import { ComplianceReportDto, DocumentTotalsDto, ReportQuery } from './report.dto';

/** The words of the law, as the seeds quote them (VNG factsheet, Sensoor). */
const LEGAL_BASIS = {
  article: 'art. 2.2.4 lid 1 onder b Wmo 2015',
  text: 'op ieder moment van de dag telefonisch of elektronisch anoniem een luisterend oor en advies beschikbaar te stellen',
};

/**
 * The compliance report for the council (gemeenteraad) and the auditor: the obligation over a
 * year with its evidence, the documents that funded it, and the provider's national figures for
 * context. For the municipality itself and operators; for anyone else it does not exist.
 */
@Injectable()
export class ComplianceReportService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly context: TenantContext,
    private readonly compliance: ComplianceService,
  ) {}

  async report(code: string, query: ReportQuery): Promise<ComplianceReportDto> {
    // Narrower than the obligations' own check (which lets the VNG and providers in): decided on the caller alone, no query.
    const principal = this.context.principal();
    if (principal.municipalityCode !== code && !isOperator(principal)) {
      throw new ComplianceError(
        ComplianceErrorCode.MunicipalityNotFound,
        `There is no municipality ${code} whose compliance report you can see.`,
      );
    }
    const obligations = await this.compliance.obligations(code, { year: query.year, duty: query.duty ?? WMO_DUTY });
    const [obligation] = obligations.duties;
    return this.db.transaction(async (tx) => {
      const documents = await documentsForMunicipalityYear(tx.manager, code, query.year);
      const providers = new Map(obligation.coverage.map((c) => [c.contract.providerId, c.contract.providerName]));
      const totals = await providerYearTotals(tx.manager, [...providers.keys()]);
      const serviceFigures = [...providers].flatMap(([providerId, providerName]) => {
        const latest = totals.find((t) => t.providerId === providerId && t.year <= query.year);
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
      return {
        title: `Verantwoording ${obligation.duty.name.toLowerCase()} ${query.year}: ${obligations.municipality.name}`,
        municipality: obligations.municipality,
        year: query.year,
        generatedAt: new Date().toISOString(),
        legalBasis:
          obligation.duty.code === WMO_DUTY
            ? LEGAL_BASIS
            : { article: obligation.duty.legalBasis, text: obligation.duty.name },
        status: obligation.status,
        obligation,
        documents: documents.map(({ periodStart, periodEnd, ...document }) => ({
          ...document,
          period: { from: periodStart, to: periodEnd },
        })),
        documentTotals: documentTotals(documents),
        serviceFigures,
      };
    });
  }
}

function documentTotals(documents: Awaited<ReturnType<typeof documentsForMunicipalityYear>>): DocumentTotalsDto {
  const sum = (type: string, pick: (d: (typeof documents)[number]) => number) =>
    documents.filter((d) => d.type === type).reduce((total, d) => total + pick(d), 0);
  const invoiced = sum('INVOICE', (d) => d.totalCents - d.creditedCents);
  const paid = sum('INVOICE', (d) => d.paidCents);
  return {
    invoicedCents: invoiced,
    allocatedCents: sum('ALLOCATION_STATEMENT', (d) => d.totalCents),
    paidCents: paid,
    outstandingCents: Math.max(0, invoiced - paid),
  };
}
