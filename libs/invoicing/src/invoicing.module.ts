import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@wmo/config';
import { ContractsModule } from '@wmo/contracts';
import { JobQueue } from '@wmo/jobs';
import { BillingDetailsService } from './billing-details.service';
import { DocumentsService } from './documents.service';
import { InvoiceRunProcessor, INVOICING_OPTIONS, InvoicingOptions } from './invoice-run.processor';
import { InvoiceRunsService } from './invoice-runs.service';
import { InvoicingController } from './invoicing.controller';
import { INVOICE_RUN_QUEUE, InvoiceRunJob } from './invoice-run-queue';

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
      this.processor.process(runId, job.stopping),
    );
    new Logger('InvoiceRuns').log('Working invoice-run jobs');
  }
}

/** The invoicing options from the configuration; `worker` says whether this process works jobs. */
export function invoicingOptions(config: AppConfig, worker: boolean): InvoicingModuleOptions {
  return {
    invoicing: { batchSize: config.INVOICE_BATCH_SIZE, batchDelayMs: config.INVOICE_BATCH_DELAY_MS },
    worker,
  };
}

export interface InvoicingModuleOptions {
  invoicing: InvoicingOptions;
  worker: boolean;
  /** Without HTTP (the worker). */
  controllers?: boolean;
}

@Module({})
export class InvoicingModule {
  static forRoot(options: InvoicingModuleOptions): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [ContractsModule],
      controllers: options.controllers === false ? [] : [InvoicingController],
      providers: [
        { provide: INVOICING_OPTIONS, useValue: options.invoicing },
        { provide: RUN_WORKER, useValue: options.worker },
        InvoiceRunProcessor,
        InvoiceRunsService,
        DocumentsService,
        BillingDetailsService,
        InvoiceWorker,
      ],
      exports: [InvoiceRunProcessor, InvoiceRunsService, DocumentsService],
    };
  }
}
