import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, NoQueryParams, toCsv } from '@wmo/common';
import { centsToDecimal, todayInAmsterdam } from '@wmo/domain';
import { ApiMunicipalityCode, MunicipalityCode } from '@wmo/reference-data';
import { RouteRoles } from '@wmo/tenancy';
import { EvaluationResultDto, ObligationsDto, ObligationsQuery } from './dto/compliance.dto';
import { OverviewDto, OverviewQuery } from './dto/overview.dto';
import { ComplianceEvaluator } from './evaluation/compliance-evaluator';
import { ObligationsService } from './obligations.service';
import { OverviewService } from './overview.service';
import { ComplianceReportDto, ReportQuery } from './report/report.dto';
import { renderComplianceReportPdf } from './report/report-pdf';
import { ComplianceReportService } from './report/report.service';

@ApiTags('Compliance')
@Controller()
export class ComplianceController {
  constructor(
    private readonly obligationsService: ObligationsService,
    private readonly overviews: OverviewService,
    private readonly reports: ComplianceReportService,
    private readonly evaluator: ComplianceEvaluator,
  ) {}

  @Get('municipalities/:code/obligations')
  @RouteRoles('GET /api/v1/municipalities/:code/obligations')
  @ApiMunicipalityCode()
  @ApiOperation({
    summary: 'Does the municipality meet its duties? Status, coverage, cost and gaps per duty',
    description:
      'Computed from the contracts on every call. For the municipality itself, the VNG, operators and the providers that serve it. ' +
      'COMPLIANT; AT_RISK: covered now, but coverage ends within 90 days with no successor; NON_COMPLIANT: days without a contract, ' +
      'weekly times without a counting channel, or closures that left none (Europe/Amsterdam time).',
  })
  @ApiOkResponse({ type: ObligationsDto })
  @ApiProblemResponses(400, 404, [422, 'The municipality did not exist in the period, or the duty was not in force.'])
  obligations(@MunicipalityCode() code: string, @Query() query: ObligationsQuery): Promise<ObligationsDto> {
    return this.obligationsService.obligations(code, query);
  }

  @Get('municipalities/:code/compliance-report')
  @RouteRoles('GET /api/v1/municipalities/:code/compliance-report')
  @ApiMunicipalityCode()
  @ApiOperation({
    summary: 'The compliance report for the council and the auditor (PDF in Dutch, or JSON)',
    description:
      'The legal basis, the coverage over the year with any gaps, contracts and provider, channels and hours, the cost and how it is funded, ' +
      "the year's invoices or allocation statements with their payment status, and the provider's national figures. For the municipality itself and operators.",
  })
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse({
    type: ComplianceReportDto,
    description: 'format=json: the report; format=pdf (default): the same as a PDF.',
  })
  @ApiProblemResponses(400, 404, [422, 'The municipality did not exist in that year, or the duty was not in force.'])
  async report(
    @MunicipalityCode() code: string,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplianceReportDto | Buffer> {
    const report = await this.reports.report(code, query);
    if (query.format === 'json') return report;
    void reply.header('Content-Type', 'application/pdf');
    void reply.header('Content-Disposition', `attachment; filename="verantwoording-${code}-${query.year}.pdf"`);
    return renderComplianceReportPdf(report);
  }

  @Post('compliance/evaluations')
  @RouteRoles('POST /api/v1/compliance/evaluations')
  @HttpCode(200)
  @ApiOperation({
    summary: "Run today's compliance evaluation now (notifications and webhooks for what changed)",
    description:
      'Workers run it once a day by themselves; this runs it again at once, for example after correcting contracts.',
  })
  @ApiOkResponse({ type: EvaluationResultDto })
  @ApiProblemResponses(400)
  evaluate(@Query() _query: NoQueryParams): Promise<EvaluationResultDto> {
    return this.evaluator.evaluate(todayInAmsterdam(), true);
  }

  @Get('compliance/overview')
  @RouteRoles('GET /api/v1/compliance/overview')
  @ApiOperation({
    summary: 'National overview: every municipality of a year with status, contract, funding, inhabitants and cost',
    description:
      'For the VNG and operators (all municipalities) and providers (the municipalities they serve). A list (sort, q, page, limit) ' +
      'with counts, totals per province and in all over the whole filtered set; a sum is null where a figure is unknown, and ' +
      'missingFigures names the CBS figures the cost waits for. ?format=csv for spreadsheets (every matching row, in the asked order).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: OverviewDto,
    description: 'JSON: one page; with format=csv one row per matching municipality.',
  })
  @ApiProblemResponses(400, [403, 'A municipality sees its own obligations instead.'], 404)
  async overview(
    @Query() query: OverviewQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OverviewDto | string> {
    if (query.format !== 'csv') return this.overviews.page(query);
    const overview = await this.overviews.overview(query);
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    void reply.header(
      'Content-Disposition',
      `attachment; filename="naleving-${overview.duty.code}-${overview.year}.csv"`,
    );
    return toCsv(
      [
        'code',
        'name',
        'province',
        'status',
        'contracts',
        'providers',
        'fundingModels',
        'inhabitants',
        'cost',
        'currency',
        'coveredUntil',
        'gapDays',
        'weeklyGapMinutes',
        'datedGaps',
      ],
      overview.rows.map((row) => [
        row.code,
        row.name,
        row.provinceName,
        row.status,
        row.contracts.join(' '),
        row.providers.join('; '),
        row.fundingModels.join(' '),
        row.inhabitants,
        row.costCents === null ? null : centsToDecimal(row.costCents),
        'EUR',
        row.coveredUntil,
        row.gapDays,
        row.weeklyGapMinutes,
        row.datedGaps,
      ]),
    );
  }
}
