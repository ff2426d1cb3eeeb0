import { Injectable } from '@nestjs/common';
import { todayInAmsterdam } from '@wmo/domain';
import { InvoicingReader } from '@wmo/invoicing';
import { StatisticsReader } from '@wmo/statistics';
import { ScopedDatabase, TenantContext } from '@wmo/tenancy';
import { mayReadReport } from '../access.rules';
import { WMO_DUTY } from '../compliance.constants';
import { ComplianceError, ComplianceErrorCode } from '../compliance.errors';
import { ObligationsService } from '../obligations.service';
import { ComplianceReportDto, ReportQuery } from './report.dto';
import { documentTotals, legalBasis, reportDocument, serviceFigures } from './report.rules';

/**
 * The compliance report for the council (gemeenteraad) and the auditor: the obligation over a
 * year with its evidence, the documents that funded it, and the provider's national figures for
 * context. For the municipality itself and operators; for anyone else it does not exist. One
 * tenant transaction: the obligation (its coverage read as the platform within it), then the
 * documents and figures as the caller sees them.
 */
@Injectable()
export class ComplianceReportService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly context: TenantContext,
    private readonly obligations: ObligationsService,
    private readonly invoicing: InvoicingReader,
    private readonly statistics: StatisticsReader,
  ) {}

  async report(code: string, query: ReportQuery): Promise<ComplianceReportDto> {
    // Narrower than the obligations' own check (which lets the VNG and providers in): decided on the caller alone, no query.
    if (!mayReadReport(this.context.principal(), code)) {
      throw new ComplianceError(
        ComplianceErrorCode.MunicipalityNotFound,
        `There is no municipality ${code} whose compliance report you can see.`,
      );
    }
    return this.db.transaction(async (tx) => {
      const obligations = await this.obligations.obligationsWithin(tx, code, {
        year: query.year,
        duty: query.duty ?? WMO_DUTY,
      });
      const [obligation] = obligations.duties;
      const documents = await this.invoicing.documentsForMunicipalityYear(tx, code, query.year);
      const providers = new Map(obligation.coverage.map((c) => [c.contract.providerId, c.contract.providerName]));
      const totals = await this.statistics.providerYearTotals(tx, [...providers.keys()]);
      const today = todayInAmsterdam();
      const { period } = obligation;
      return {
        title: `Verantwoording ${obligation.duty.name.toLowerCase()} ${query.year}: ${obligations.municipality.name}`,
        municipality: obligations.municipality,
        year: query.year,
        generatedAt: new Date().toISOString(),
        judgedThrough: period.from <= today && today < period.to ? today : period.to,
        legalBasis: legalBasis(obligation.duty),
        status: obligation.status,
        obligation,
        documents: documents.map(reportDocument),
        documentTotals: documentTotals(documents),
        serviceFigures: serviceFigures(providers, totals, query.year),
      };
    });
  }
}
