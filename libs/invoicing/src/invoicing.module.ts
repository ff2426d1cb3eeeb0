import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  Provider,
} from '@nestjs/common';
import { AppConfig } from '@wmo/config';
import { ContractsModule } from '@wmo/contracts';
import { JobQueue } from '@wmo/jobs';
import { BillingImpactAssessor, ReferenceDataModule } from '@wmo/reference-data';
import { BillingDetailsRepository } from './billing-details.repository';
import { BillingDetailsService } from './billing-details.service';
import { BillingDetailsImportService } from './billing-details-import.service';
import { RunReadinessService } from './run-readiness.service';
import { RunReleaseService } from './run-release.service';
import { BillingDifferencesService } from './billing-differences.service';
import { BillingImpactService } from './billing-impact.service';
import { CorrectionIssuer } from './correction-issuer';
import { CorrectionRunsService } from './correction-runs.service';
import { ReplacementsService } from './replacements.service';
import { BillingDetailsImportsController } from './billing-details-imports.controller';
import { CreditNotesService } from './credit-notes.service';
import { DocumentAnswers } from './document-answers';
import { DocumentExportService } from './document-export.service';
import { DocumentFileRepository } from './document-file.repository';
import { DocumentIssuer } from './document-issuer';
import { DocumentNumberCounterRepository } from './document-number-counter.repository';
import { DocumentPdfs } from './document-pdfs';
import { DocumentQueriesService } from './document-queries.service';
import { DocumentsRepository } from './documents.repository';
import { InvoiceCalculator } from './invoice-calculator';
import { InvoiceLineRepository } from './invoice-line.repository';
import { RunContextLoader } from './invoice-run.context';
import { InvoiceRunProcessor } from './invoice-run.processor';
import { INVOICE_RUN_QUEUE, InvoiceRunJob } from './invoice-run-queue';
import { InvoiceRunRepository } from './invoice-run.repository';
import { InvoiceRunsService } from './invoice-runs.service';
import { InvoicingController } from './invoicing.controller';
import { INVOICING_OPTIONS, InvoicingOptions } from './invoicing.options';
import { InvoicingReader } from './invoicing.reader';
import { PaymentRepository } from './payment.repository';
import { PaymentsService } from './payments.service';
import { RunDocuments } from './run-documents';
import { RunPdfs } from './run-pdfs';

const RUN_WORKER = Symbol('RUN_WORKER');

/** Works invoice-run jobs in this process when asked to (the worker app; the API with WORKER=1). */
@Injectable()
class InvoiceWorker implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly processor: InvoiceRunProcessor,
    @Inject(RUN_WORKER) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.jobs.work<InvoiceRunJob>(INVOICE_RUN_QUEUE, 0.5, ({ runId }, job) =>
      this.processor.process(runId, job.stopping, job.retryCount),
    );
    new Logger('InvoiceRuns').log('Working invoice-run jobs');
  }
}

/** The invoicing options from the configuration; `worker` says whether this process works jobs. */
export function invoicingOptions(config: AppConfig, worker: boolean): InvoicingModuleOptions {
  return {
    invoicing: {
      batchSize: config.INVOICE_BATCH_SIZE,
      batchDelayMs: config.INVOICE_BATCH_DELAY_MS,
      faultAttempts: config.INVOICE_FAULT_ATTEMPTS,
    },
    worker,
  };
}

export interface InvoicingModuleOptions {
  invoicing: InvoicingOptions;
  worker: boolean;
  /** Without HTTP (the worker). */
  controllers?: boolean;
}

const REPOSITORIES: Provider[] = [
  InvoiceRunRepository,
  DocumentsRepository,
  InvoiceLineRepository,
  DocumentFileRepository,
  DocumentNumberCounterRepository,
  PaymentRepository,
  BillingDetailsRepository,
];

/**
 * Invoice runs, issued documents (PDF, UBL), credit notes, payments and billing details.
 * Global, so that other libraries inject the InvoicingReader wherever the application imports
 * `forRoot`; imported as is (without `forRoot`), it provides the InvoicingReader alone.
 */
@Global()
@Module({ providers: [DocumentsRepository, InvoicingReader], exports: [InvoicingReader] })
export class InvoicingModule {
  static forRoot(options: InvoicingModuleOptions): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [ContractsModule, ReferenceDataModule],
      controllers: options.controllers === false ? [] : [InvoicingController, BillingDetailsImportsController],
      providers: [
        { provide: INVOICING_OPTIONS, useValue: options.invoicing },
        { provide: RUN_WORKER, useValue: options.worker },
        ...REPOSITORIES,
        InvoicingReader,
        InvoiceCalculator,
        DocumentPdfs,
        DocumentIssuer,
        DocumentAnswers,
        RunContextLoader,
        RunDocuments,
        RunPdfs,
        InvoiceRunProcessor,
        InvoiceRunsService,
        DocumentQueriesService,
        CreditNotesService,
        PaymentsService,
        DocumentExportService,
        BillingDetailsService,
        BillingDetailsImportService,
        RunReadinessService,
        RunReleaseService,
        BillingDifferencesService,
        CorrectionIssuer,
        CorrectionRunsService,
        ReplacementsService,
        BillingImpactService,
        // Contracts and reference data ask through this what a change does to issued documents.
        { provide: BillingImpactAssessor, useExisting: BillingImpactService },
        InvoiceWorker,
      ],
      exports: [InvoicingReader, InvoiceRunProcessor, BillingImpactAssessor],
    };
  }
}
