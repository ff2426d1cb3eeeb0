import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, ApiSpreadsheet, NoQueryParams, sendSpreadsheet, SpreadsheetFormat } from '@wmo/common';
import { todayInAmsterdam } from '@wmo/domain';
import { ApiMunicipalityCode, MunicipalityCode } from '@wmo/reference-data';
import { RouteRoles } from '@wmo/tenancy';
import { EvaluationResultDto, ObligationsDto, ObligationsQuery } from './dto/compliance.dto';
import { OverviewDto, OverviewQuery } from './dto/overview.dto';
import { ComplianceEvaluator } from './evaluation/compliance-evaluator';
import { ObligationsService } from './obligations.service';
import { overviewFileName, overviewSheet } from './overview-export';
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
      'missingFigures names the CBS figures the cost waits for. Every matching row, in the asked order, as a spreadsheet: ' +
      'GET /api/v1/compliance/overview/export.csv or export.xlsx.',
  })
  @ApiOkResponse({ type: OverviewDto })
  @ApiProblemResponses(400, [403, 'A municipality sees its own obligations instead.'], 404)
  overview(@Query() query: OverviewQuery): Promise<OverviewDto> {
    return this.overviews.page(query);
  }

  @Get('compliance/overview/export.csv')
  @RouteRoles('GET /api/v1/compliance/overview/export.csv')
  @ApiOperation({ summary: 'The national overview with the same filters, as CSV for Dutch Excel' })
  @ApiSpreadsheet('csv', 'One row per municipality, as GET /api/v1/compliance/overview shows them.')
  @ApiProblemResponses(400, [403, 'A municipality sees its own obligations instead.'], 404)
  overviewCsv(@Query() query: OverviewQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.overviewFile(query, reply, 'csv');
  }

  @Get('compliance/overview/export.xlsx')
  @RouteRoles('GET /api/v1/compliance/overview/export.xlsx')
  @ApiOperation({ summary: 'The national overview with the same filters, as an Excel workbook' })
  @ApiSpreadsheet('xlsx', 'One row per municipality, as GET /api/v1/compliance/overview shows them.')
  @ApiProblemResponses(400, [403, 'A municipality sees its own obligations instead.'], 404)
  overviewXlsx(@Query() query: OverviewQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.overviewFile(query, reply, 'xlsx');
  }

  private async overviewFile(query: OverviewQuery, reply: FastifyReply, format: SpreadsheetFormat): Promise<Buffer> {
    const overview = await this.overviews.overview(query);
    return sendSpreadsheet(reply, format, overviewFileName(overview), overviewSheet(overview));
  }
}
