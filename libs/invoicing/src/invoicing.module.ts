import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@wmo/config';
import { ContractsModule } from '@wmo/contracts';
import { BillingDetailsService } from './billing-details.service';
import { DocumentsService } from './documents.service';
import { InvoiceRunProcessor, INVOICING_OPTIONS, InvoicingOptions } from './invoice-run.processor';
import { InvoiceRunsService } from './invoice-runs.service';
import { InvoicingController } from './invoicing.controller';
import { JOB_QUEUE_OPTIONS, JobQueue, JobQueueOptions } from './job-queue';

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
    await this.jobs.workInvoiceRuns(({ runId }) => this.processor.process(runId));
    new Logger('InvoiceRuns').log('Working invoice-run jobs');
  }
}

/** The invoicing options from the configuration; `worker` says whether this process works jobs. */
export function invoicingOptions(config: AppConfig, ownerUrl: string, worker: boolean): InvoicingModuleOptions {
  return {
    jobs: { ownerUrl, expireSeconds: config.JOB_EXPIRE_SECONDS, maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS },
    invoicing: { batchSize: config.INVOICE_BATCH_SIZE, batchDelayMs: config.INVOICE_BATCH_DELAY_MS },
    worker,
  };
}

export interface InvoicingModuleOptions {
  jobs: JobQueueOptions;
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
        { provide: JOB_QUEUE_OPTIONS, useValue: options.jobs },
        { provide: INVOICING_OPTIONS, useValue: options.invoicing },
        { provide: RUN_WORKER, useValue: options.worker },
        JobQueue,
        InvoiceRunProcessor,
        InvoiceRunsService,
        DocumentsService,
        BillingDetailsService,
        InvoiceWorker,
      ],
      exports: [JobQueue, InvoiceRunProcessor, InvoiceRunsService, DocumentsService],
    };
  }
}
