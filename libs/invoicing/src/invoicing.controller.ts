import { PassThrough } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZipFile } from 'yazl';
import { ApiProblemResponses, ApiSpreadsheet, NoQueryParams, sendSpreadsheet } from '@wmo/common';
import { ContractIdParam } from '@wmo/contracts';
import { ApiMunicipalityCode, MunicipalityCode } from '@wmo/reference-data';
import { RouteRoles } from '@wmo/tenancy';
import { BillingDetailsService } from './billing-details.service';
import { CreditNotesService } from './credit-notes.service';
import { DocumentExportService } from './document-export.service';
import { DocumentQueriesService } from './document-queries.service';
import {
  CreateCreditNoteDto,
  CreatePaymentDto,
  DocumentIdParam,
  ReplacementDto,
  OrganisationIdParam,
  DocumentPageDto,
  DocumentSummaryDto,
  DocumentSummaryQuery,
  ExportDocumentsQuery,
  InvoiceDocumentDto,
  ListDocumentsQuery,
  UblQuery,
} from './dto/invoicing.dto';
import { BillingDetailsDto } from './dto/billing-details.dto';
import {
  CreateInvoiceRunDto,
  DryRunDto,
  DryRunQuery,
  InvoiceRunDto,
  InvoiceRunPageDto,
  ListInvoiceRunsQuery,
  ReleaseHeldDto,
  RunIdParam,
} from './dto/invoice-runs.dto';
import { RunReleaseService } from './run-release.service';
import { BillingDifferencesService } from './billing-differences.service';
import { CorrectionRunsService } from './correction-runs.service';
import { ReplacementsService } from './replacements.service';
import { CorrectionDryRunDto } from './dto/correction-runs.dto';
import { BillingDifferencesDto, BillingDifferencesQuery } from './dto/billing-differences.dto';
import { InvoiceRunsService } from './invoice-runs.service';
import { PaymentsService } from './payments.service';
import { ReadinessDto, ReadinessQuery } from './dto/readiness.dto';
import { RunReadinessService } from './run-readiness.service';

@ApiTags('Invoicing')
@ApiExtraModels(DryRunDto)
@Controller()
export class InvoicingController {
  constructor(
    private readonly runs: InvoiceRunsService,
    private readonly documents: DocumentQueriesService,
    private readonly creditNotes: CreditNotesService,
    private readonly payments: PaymentsService,
    private readonly exports: DocumentExportService,
    private readonly billing: BillingDetailsService,
    private readonly readinessOf: RunReadinessService,
    private readonly release: RunReleaseService,
    private readonly differencesOf: BillingDifferencesService,
    private readonly corrections: CorrectionRunsService,
    private readonly replacements: ReplacementsService,
  ) {}

  @Get('contracts/:id/invoice-runs/readiness')
  @RouteRoles('GET /api/v1/contracts/:id/invoice-runs/readiness')
  @ApiOperation({
    summary:
      'Before a run: which customers lack an invoice address (no lawful invoice) or an OIN or KvK number (no e-invoice)',
    description:
      "For whoever may start the contract's runs. Lists only the customers that lack something; allocation statements " +
      '(fund withholding) are not invoices and lack nothing. Complete the details per municipality or with POST /billing-details/imports.',
  })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiProblemResponses(400, 404, [409, 'A draft, or a year outside the contract term.'])
  readiness(@Param() { id }: ContractIdParam, @Query() query: ReadinessQuery): Promise<ReadinessDto> {
    return this.readinessOf.readiness(id, query.year);
  }

  @Get('contracts/:id/billing-differences')
  @RouteRoles('GET /api/v1/contracts/:id/billing-differences')
  @ApiOperation({
    summary: "What each municipality was billed net for a period against what is due under today's facts",
    description:
      "For the contract's parties and the operator (a municipality sees its own invoices). Per municipality with an issued document in the period (or something due and not yet billed, unless held): billed net (invoice or allocation lines less credit lines, excluding VAT), due (participation, exceptions, tariffs, CBS figures and terms as they are now), the difference, the documents concerned and the reasons in Dutch with the rule of DOMAIN.md; totals over the contract.",
  })
  @ApiOkResponse({ type: BillingDifferencesDto })
  @ApiProblemResponses(
    400,
    404,
    [409, 'A draft, or a period outside the contract term.'],
    [422, 'No CBS figures for the reference date.'],
  )
  billingDifferences(
    @Param() { id }: ContractIdParam,
    @Query() query: BillingDifferencesQuery,
  ): Promise<BillingDifferencesDto> {
    return this.differencesOf.differences(id, query);
  }

  @Get('contracts/:id/billing-differences/export.csv')
  @RouteRoles('GET /api/v1/contracts/:id/billing-differences/export.csv')
  @ApiOperation({ summary: 'The billing differences of a period as CSV for Dutch Excel' })
  @ApiSpreadsheet('csv', 'A row per municipality, as GET /api/v1/contracts/{id}/billing-differences has them.')
  @ApiProblemResponses(
    400,
    404,
    [409, 'A draft, or a period outside the contract term.'],
    [422, 'No CBS figures for the reference date.'],
  )
  async billingDifferencesCsv(
    @Param() { id }: ContractIdParam,
    @Query() query: BillingDifferencesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { fileName, sheet } = await this.exports.differencesSheet(id, query);
    return sendSpreadsheet(reply, 'csv', fileName, sheet);
  }

  @Get('contracts/:id/billing-differences/export.xlsx')
  @RouteRoles('GET /api/v1/contracts/:id/billing-differences/export.xlsx')
  @ApiOperation({ summary: 'The billing differences of a period as an Excel workbook' })
  @ApiSpreadsheet('xlsx', 'A row per municipality, as GET /api/v1/contracts/{id}/billing-differences has them.')
  @ApiProblemResponses(
    400,
    404,
    [409, 'A draft, or a period outside the contract term.'],
    [422, 'No CBS figures for the reference date.'],
  )
  async billingDifferencesXlsx(
    @Param() { id }: ContractIdParam,
    @Query() query: BillingDifferencesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { fileName, sheet } = await this.exports.differencesSheet(id, query);
    return sendSpreadsheet(reply, 'xlsx', fileName, sheet);
  }

  @Post('contracts/:id/invoice-runs')
  @RouteRoles('POST /api/v1/contracts/:id/invoice-runs')
  @ApiOperation({
    summary: 'Start an invoice run for a year or period (or compute it with ?dryRun=true)',
    description:
      '202 with the new run, processed as a durable job. The same Idempotency-Key with the same body returns that run again; with another body it is a 422. ' +
      'Any other request for the same contract and period returns the existing run with 200: never a second set of documents. A period that overlaps another run of the contract is refused with 409.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Required unless dryRun=true; any unique string up to 200 characters.',
  })
  @ApiAcceptedResponse({ type: InvoiceRunDto, description: 'A new run (or a replay of the request that started it).' })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(InvoiceRunDto) }, { $ref: getSchemaPath(DryRunDto) }] },
    description: 'The existing run of this contract and period; with dryRun=true, a DryRunDto.',
  })
  @ApiProblemResponses(
    400,
    404,
    [409, 'A draft, a period outside the contract term, or a period overlapping another run of the contract.'],
    [422, 'Idempotency key reused, or no CBS figures for the reference date.'],
  )
  async startRun(
    @Param() { id }: ContractIdParam,
    @Query() query: DryRunQuery,
    @Body() dto: CreateInvoiceRunDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceRunDto | DryRunDto> {
    if (query.dryRun === 'true') {
      void reply.status(200);
      return this.runs.dryRun(id, dto);
    }
    const { run, created } = await this.runs.start(id, dto, idempotencyKey);
    void reply.status(created ? 202 : 200).header('Location', `/api/v1/invoice-runs/${run.id}`);
    return run;
  }

  @Post('contracts/:id/correction-runs')
  @RouteRoles('POST /api/v1/contracts/:id/correction-runs')
  @ApiOperation({
    summary:
      'Correct an invoiced period: credit notes and supplementary invoices for the differences since (or compute them with ?dryRun=true)',
    description:
      "For whoever may start the contract's runs, for a period with a completed invoice run (409 otherwise, and for fund withholding, whose allocation statements are settled through the fund). " +
      'A durable job like an invoice run (202 with the run, kind CORRECTION, at GET /invoice-runs/{id}): for each municipality billed too much a credit note by line on its invoice, ' +
      'for each billed too little a supplementary invoice naming the original (in its text and as the UBL BillingReference), nothing where the difference is zero. ' +
      'A central invoice (CENTRAL_INVOICE) gets one credit note by line for all its municipalities and one supplementary invoice to the contracting party with a line per municipality. ' +
      'The differences are computed afresh when the job runs, so a second correction run for the same facts issues nothing. ' +
      'The same Idempotency-Key with the same body returns that run; with another body it is a 422. While one is unfinished, another request gets it (200).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Required unless dryRun=true.' })
  @ApiAcceptedResponse({ type: InvoiceRunDto })
  @ApiOkResponse({
    type: CorrectionDryRunDto,
    description: 'With dryRun=true; or the unfinished correction run (an InvoiceRunDto).',
  })
  @ApiProblemResponses(
    400,
    404,
    [409, 'A draft, a period without a completed invoice run, or not per-participant invoices.'],
    [422, 'Idempotency key reused, or no CBS figures for the reference date.'],
  )
  async startCorrection(
    @Param() { id }: ContractIdParam,
    @Query() query: DryRunQuery,
    @Body() dto: CreateInvoiceRunDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceRunDto | CorrectionDryRunDto> {
    if (query.dryRun === 'true') {
      void reply.status(200);
      return this.corrections.dryRun(id, dto);
    }
    const { run, created } = await this.corrections.start(id, dto, idempotencyKey);
    void reply.status(created ? 202 : 200).header('Location', `/api/v1/invoice-runs/${run.id}`);
    return run;
  }

  @Get('invoice-runs')
  @RouteRoles('GET /api/v1/invoice-runs')
  @ApiOperation({
    summary: 'The invoice runs and correction runs you can see, a page at a time',
    description:
      "Those of the contracts you are a party to (the operator: all), as GET /invoice-runs/{id} shows them. Filter by contract, provider (the supplier's organisation id), status, kind and the year the period starts in; " +
      'sorted by `sort` (default -createdAt). Each with its contract, supplier, document count and total (so far, while it is not COMPLETED), held customers and documents with gaps in the billing details.',
  })
  @ApiOkResponse({ type: InvoiceRunPageDto })
  @ApiProblemResponses(400)
  listRuns(@Query() query: ListInvoiceRunsQuery): Promise<InvoiceRunPageDto> {
    return this.runs.list(query);
  }

  @Get('invoice-runs/:id')
  @RouteRoles('GET /api/v1/invoice-runs/:id')
  @ApiOperation({ summary: 'An invoice run: status and progress' })
  @ApiOkResponse({ type: InvoiceRunDto })
  @ApiProblemResponses(400, 404)
  run(@Param() { id }: RunIdParam): Promise<InvoiceRunDto> {
    return this.runs.get(id);
  }

  @Post('invoice-runs/:id/resume')
  @RouteRoles('POST /api/v1/invoice-runs/:id/resume')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Resume a FAILED run (or correction run): it continues after its last issued participant',
    description:
      'A run whose attempts all failed (the job queue retries a failed attempt three times with backoff) is FAILED; this queues it again. ' +
      'What was issued stays and numbers continue without a gap. 409 for a run that is not FAILED.',
  })
  @ApiAcceptedResponse({ type: InvoiceRunDto })
  @ApiProblemResponses(400, 403, 404, [409, 'The run is not FAILED.'])
  resume(@Param() { id }: RunIdParam): Promise<InvoiceRunDto> {
    return this.runs.resume(id);
  }

  @Post('invoice-runs/:id/release-held')
  @RouteRoles('POST /api/v1/invoice-runs/:id/release-held')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue the invoices a completed run held back, for the customers whose address is now complete',
    description:
      'For whoever may start the run. Each customer held for want of an address (see heldCount) whose billing details now ' +
      "have one gets its document, computed on today's facts and numbered from this moment; the rest stay held. " +
      'Idempotent: a second release, or several at once, issues nothing twice.',
  })
  @ApiOkResponse({ type: ReleaseHeldDto })
  @ApiProblemResponses(400, 404, [409, 'The run has not completed.'])
  releaseHeld(@Param() { id }: RunIdParam): Promise<ReleaseHeldDto> {
    return this.release.release(id);
  }

  @Get('invoice-runs/:id/documents.zip')
  @RouteRoles('GET /api/v1/invoice-runs/:id/documents.zip')
  @ApiOperation({ summary: 'All PDFs of a run, streamed as one ZIP file' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A ZIP file with one PDF per document.' })
  @ApiProblemResponses(400, 404)
  @Header('Content-Type', 'application/zip')
  async runZip(@Param() { id }: RunIdParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const run = await this.runs.get(id);
    void reply.header(
      'Content-Disposition',
      `attachment; filename="factuurrun-${run.period.start}-${run.id.slice(0, 8)}.zip"`,
    );
    const zip = new ZipFile();
    const out = new PassThrough();
    zip.outputStream.pipe(out);
    void (async () => {
      try {
        for await (const { number, pdf } of this.documents.runPdfs(id)) zip.addBuffer(pdf, `${number}.pdf`);
        zip.end();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return new StreamableFile(out);
  }

  @Get('invoices')
  @RouteRoles('GET /api/v1/invoices')
  @ApiOperation({
    summary: 'Invoices, credit notes and allocation statements you can see',
    description:
      "Your municipality's, those of contracts you manage, or those you issued. Sorted by `sort` (default -issueDate; ties by number in the same direction; " +
      "municipality is the customer's name), searched with `q` in the customer's name, the municipality code and the document number. " +
      '`totals` sum every document matching the filters and `q`, over all pages.',
  })
  @ApiOkResponse({ type: DocumentPageDto })
  @ApiProblemResponses(400)
  list(@Query() query: ListDocumentsQuery): Promise<DocumentPageDto> {
    return this.documents.list(query);
  }

  @Get('invoices/summary')
  @RouteRoles('GET /api/v1/invoices/summary')
  @ApiOperation({
    summary: 'Paid, open and overdue per year over the invoices you can see (for a chart)',
    description:
      'The same filters as GET /invoices (sort and paging do not apply). Per issue year (by=year) or per year the billed period starts in (by=periodYear): ' +
      'payments recorded (paidCents), what is outstanding and not yet due (openCents: OPEN and PARTIALLY_PAID) and what is outstanding past the due date (overdueCents: OVERDUE), ' +
      "outstanding after payments and credit notes, as the list's totals. Credited invoices count only what was paid on them.",
  })
  @ApiOkResponse({ type: DocumentSummaryDto })
  @ApiProblemResponses(400)
  summary(@Query() query: DocumentSummaryQuery): Promise<DocumentSummaryDto> {
    return this.documents.summary(query);
  }

  @Get('invoices/export.csv')
  @RouteRoles('GET /api/v1/invoices/export.csv')
  @ApiOperation({ summary: 'The documents of the list, with its filters, as CSV for Dutch Excel' })
  @ApiSpreadsheet('csv', 'One document per row, amounts in euros, labels in Dutch.')
  @ApiProblemResponses(400)
  async exportCsv(
    @Query() query: ExportDocumentsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { fileName, sheet } = await this.exports.documentsSheet(query);
    return sendSpreadsheet(reply, 'csv', fileName, sheet);
  }

  @Get('invoices/export.xlsx')
  @RouteRoles('GET /api/v1/invoices/export.xlsx')
  @ApiOperation({ summary: 'The documents of the list, with its filters, as an Excel workbook' })
  @ApiSpreadsheet('xlsx', 'One document per row, amounts in euros, labels in Dutch.')
  @ApiProblemResponses(400)
  async exportXlsx(
    @Query() query: ExportDocumentsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { fileName, sheet } = await this.exports.documentsSheet(query);
    return sendSpreadsheet(reply, 'xlsx', fileName, sheet);
  }

  @Get('invoices/:id')
  @RouteRoles('GET /api/v1/invoices/:id')
  @ApiOperation({ summary: 'One document with its lines, credit notes and payments' })
  @ApiOkResponse({ type: InvoiceDocumentDto })
  @ApiProblemResponses(400, 404)
  get(@Param() { id }: DocumentIdParam): Promise<InvoiceDocumentDto> {
    return this.documents.get(id);
  }

  @Get('invoices/:id/pdf')
  @RouteRoles('GET /api/v1/invoices/:id/pdf')
  @ApiOperation({ summary: 'The document as a Dutch A4 PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.' })
  @ApiProblemResponses(400, 404)
  @Header('Content-Type', 'application/pdf')
  async pdf(
    @Param() { id }: DocumentIdParam,
    @Query() _query: NoQueryParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { number, pdf } = await this.documents.pdf(id);
    void reply.header('Content-Disposition', `attachment; filename="${number}.pdf"`);
    return pdf;
  }

  @Get('invoices/:id/ubl')
  @RouteRoles('GET /api/v1/invoices/:id/ubl')
  @ApiOperation({
    summary: 'The e-invoice: UBL 2.1, SI-UBL 2.0 (NLCIUS) or Peppol BIS Billing 3.0, with the PDF embedded',
  })
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'UBL Invoice or CreditNote XML.' })
  @ApiProblemResponses(400, 404, [
    422,
    'The buyer has no OIN or address, or the document is an allocation statement. The problem lists what is missing: `gaps` (sentences) and `missing` (codes: customer-identifier, customer-address, supplier-kvk, credited-invoice; not-an-invoice for an allocation statement).',
  ])
  @Header('Content-Type', 'application/xml; charset=utf-8')
  async ubl(
    @Param() { id }: DocumentIdParam,
    @Query() query: UblQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { number, xml } = await this.documents.ubl(id, query.profile);
    void reply.header('Content-Disposition', `attachment; filename="${number}.xml"`);
    return xml;
  }

  @Post('invoices/:id/credit-notes')
  @RouteRoles('POST /api/v1/invoices/:id/credit-notes')
  @ApiOperation({
    summary: 'Credit an invoice, fully or some lines',
    description: 'Issues a numbered credit note referring to the invoice; the invoice itself never changes.',
  })
  @ApiCreatedResponse({ type: InvoiceDocumentDto })
  @ApiProblemResponses(400, 404, [422, 'More than is left to credit, or not an invoice.'])
  creditNote(@Param() { id }: DocumentIdParam, @Body() dto: CreateCreditNoteDto): Promise<InvoiceDocumentDto> {
    return this.creditNotes.creditNote(id, dto);
  }

  @Post('invoices/:id/replacement')
  @RouteRoles('POST /api/v1/invoices/:id/replacement')
  @ApiOperation({
    summary:
      "Replace an invoice: a full credit note and a new invoice for the same lines with today's customer details",
    description:
      "The issuer's FINANCE or PROVIDER_ADMIN, or the operator. In one transaction: a credit note for the whole invoice and a new invoice for the same lines, addressed with the customer's billing details as they are now (an OIN or address completed since), naming the replaced invoice. " +
      '201 with both; asked again, 200 with the same pair. An invoice that a credit note touched, a credit note or an allocation statement is refused (422).',
  })
  @ApiCreatedResponse({ type: ReplacementDto })
  @ApiProblemResponses(400, 403, 404, [422, 'A credit note or allocation statement, or an invoice credited already.'])
  async replace(
    @Param() { id }: DocumentIdParam,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReplacementDto> {
    const { answer, created } = await this.replacements.replace(id);
    void reply.status(created ? 201 : 200);
    return answer;
  }

  @Post('invoices/:id/payments')
  @RouteRoles('POST /api/v1/invoices/:id/payments')
  @ApiOperation({ summary: "Record a payment received on an invoice (the issuer's FINANCE or PROVIDER_ADMIN)" })
  @ApiCreatedResponse({ type: InvoiceDocumentDto })
  @ApiProblemResponses(400, 404, [422, 'An overpayment, or the invoice was credited.'])
  pay(@Param() { id }: DocumentIdParam, @Body() dto: CreatePaymentDto): Promise<InvoiceDocumentDto> {
    return this.payments.pay(id, dto);
  }

  @Get('municipalities/:code/billing-details')
  @RouteRoles('GET /api/v1/municipalities/:code/billing-details')
  @ApiMunicipalityCode()
  @ApiOperation({
    summary: "A municipality's billing details: OIN, KvK, invoice address and e-mail, purchase-order numbers",
  })
  @ApiOkResponse({ type: BillingDetailsDto })
  @ApiProblemResponses(400, 404)
  billingDetails(@MunicipalityCode() code: string, @Query() _query: NoQueryParams): Promise<BillingDetailsDto> {
    return this.billing.get(code);
  }

  @Put('municipalities/:code/billing-details')
  @RouteRoles('PUT /api/v1/municipalities/:code/billing-details')
  @HttpCode(200)
  @ApiMunicipalityCode()
  @ApiOperation({ summary: "Replace a municipality's billing details" })
  @ApiOkResponse({ type: BillingDetailsDto })
  @ApiProblemResponses(400, 404)
  putBillingDetails(@MunicipalityCode() code: string, @Body() dto: BillingDetailsDto): Promise<BillingDetailsDto> {
    return this.billing.put(code, dto);
  }

  @Get('organisations/:id/billing-details')
  @RouteRoles('GET /api/v1/organisations/:id/billing-details')
  @ApiOperation({
    summary: "An organisation's own billing details (the contracting party of a central invoice, such as the VNG)",
  })
  @ApiOkResponse({ type: BillingDetailsDto })
  @ApiProblemResponses(400, [404, 'Not your organisation (an operator may read any).'])
  organisationBillingDetails(
    @Param() { id }: OrganisationIdParam,
    @Query() _query: NoQueryParams,
  ): Promise<BillingDetailsDto> {
    return this.billing.getOfOrganisation(id);
  }

  @Put('organisations/:id/billing-details')
  @RouteRoles('PUT /api/v1/organisations/:id/billing-details')
  @HttpCode(200)
  @ApiOperation({
    summary: "Replace an organisation's own billing details",
    description:
      'A CENTRAL_INVOICE is addressed to the contracting party: without its address the run holds the invoice (POST /invoice-runs/{id}/release-held issues it once the address is there).',
  })
  @ApiOkResponse({ type: BillingDetailsDto })
  @ApiProblemResponses(400, [404, 'Not your organisation (an operator may change any).'])
  putOrganisationBillingDetails(
    @Param() { id }: OrganisationIdParam,
    @Body() dto: BillingDetailsDto,
  ): Promise<BillingDetailsDto> {
    return this.billing.putOfOrganisation(id, dto);
  }
}
