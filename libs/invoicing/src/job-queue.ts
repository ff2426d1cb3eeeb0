import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';

export const INVOICE_RUN_QUEUE = 'invoice-run';
export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');
export const PGBOSS_SCHEMA = 'pgboss';

export interface JobQueueOptions {
  /** pg-boss keeps its own tables; it connects as the schema owner. */
  ownerUrl: string;
  /** Seconds after which a job whose worker vanished is handed to another worker. */
  expireSeconds: number;
  /** How often pg-boss looks for such jobs. */
  maintenanceSeconds: number;
}

export interface InvoiceRunJob {
  runId: string;
}

/**
 * Creates the pg-boss schema and the invoice-run queue (start-up, as the schema owner). The
 * application role may then enqueue from inside its own transactions.
 */
export async function prepareJobQueue(ownerUrl: string, expireSeconds: number): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: PGBOSS_SCHEMA, supervise: false, schedule: false, max: 2 });
  await boss.start();
  try {
    if (!(await boss.getQueue(INVOICE_RUN_QUEUE))) {
      await boss.createQueue(INVOICE_RUN_QUEUE, { name: INVOICE_RUN_QUEUE, policy: 'standard', retryLimit: 20, retryDelay: 1, retryBackoff: true, expireInSeconds: expireSeconds });
    } else {
      await boss.updateQueue(INVOICE_RUN_QUEUE, { name: INVOICE_RUN_QUEUE, policy: 'standard', retryLimit: 20, retryDelay: 1, retryBackoff: true, expireInSeconds: expireSeconds });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** Durable background jobs on PostgreSQL (pg-boss): several API and worker processes share one queue. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;

  constructor(@Inject(JOB_QUEUE_OPTIONS) private readonly options: JobQueueOptions) {}

  private async started(): Promise<PgBoss> {
    if (!this.boss) {
      const boss = new PgBoss({
        connectionString: this.options.ownerUrl,
        schema: PGBOSS_SCHEMA,
        migrate: false,
        // No cron schedules are used; without them pg-boss runs no clock-skew monitor and no internal
        // send-it worker, whose one-second shutdown timer would outlive the process's shutdown.
        schedule: false,
        max: 3,
        maintenanceIntervalSeconds: this.options.maintenanceSeconds,
      });
      boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
      this.boss = boss;
      await boss.start();
    }
    return this.boss;
  }

  /** Enqueues the run inside the caller's transaction: the job exists exactly when the run does. */
  async enqueueInvoiceRun(manager: EntityManager, runId: string): Promise<void> {
    const boss = await this.started();
    await boss.send(INVOICE_RUN_QUEUE, { runId } satisfies InvoiceRunJob, {
      singletonKey: runId,
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) },
    });
  }

  /** Runs invoice-run jobs in this process, one at a time. */
  async workInvoiceRuns(handler: (job: InvoiceRunJob) => Promise<void>): Promise<void> {
    const boss = await this.started();
    await boss.work<InvoiceRunJob>(INVOICE_RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => handler(job.data));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = null;
  }
}
