import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';

export const PGBOSS_SCHEMA = 'pgboss';
const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  /** pg-boss keeps its own tables; it connects as the schema owner. */
  ownerUrl: string;
  /** How often pg-boss looks for jobs whose worker vanished (and expires them). */
  maintenanceSeconds: number;
}

/** A queue and how its failed jobs are retried; created (or updated) at start-up. */
export interface QueueDefinition {
  name: string;
  retryLimit: number;
  /** Seconds before the first retry; doubled for each next one when `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job whose worker stopped is handed to another worker after this many seconds. */
  expireInSeconds: number;
}

/**
 * Creates the pg-boss schema and the queues (start-up, as the schema owner). The application
 * role may then enqueue from inside its own transactions.
 */
export async function prepareJobQueue(ownerUrl: string, queues: QueueDefinition[]): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: PGBOSS_SCHEMA,
    supervise: false,
    schedule: false,
    max: 2,
  });
  await boss.start();
  try {
    for (const { name, ...policy } of queues) {
      const options = { name, policy: 'standard' as const, ...policy };
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export interface SendOptions {
  /** At most one queued or active job with this key. */
  singletonKey?: string;
  /** Do not start before this many seconds from now. */
  startAfterSeconds?: number;
  /** This job's retries, instead of the queue's (the running configuration may be newer than the queue's). */
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
}

export interface JobContext {
  id: string;
  /** Attempts before this one. */
  retryCount: number;
  /** Aborted when the process shuts down: a long job stops at a safe point and throws JobInterrupted. */
  stopping: AbortSignal;
}

/** Thrown by a job that stopped because its process is shutting down: it is retried (and resumes) elsewhere. */
export class JobInterrupted extends Error {
  constructor() {
    super('The worker is shutting down; the job will be resumed.');
    this.name = 'JobInterrupted';
  }
}

/** Durable background jobs on PostgreSQL (pg-boss): several API and worker processes share one queue. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private starting: Promise<PgBoss> | null = null;
  private readonly stopping = new AbortController();
  private readonly loops: Array<Promise<void>> = [];

  constructor(@Inject(JOB_QUEUE_OPTIONS) private readonly options: JobQueueOptions) {}

  private started(): Promise<PgBoss> {
    this.starting ??= (async () => {
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
      await boss.start();
      return boss;
    })();
    return this.starting;
  }

  /**
   * Enqueues a job. With `manager` it is inserted in that transaction: the job exists exactly when
   * what it works on does.
   */
  async send<T extends object>(
    manager: EntityManager | null,
    queue: string,
    data: T,
    options: SendOptions = {},
  ): Promise<void> {
    const boss = await this.started();
    await boss.send(queue, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.retry
        ? {
            retryLimit: options.retry.limit,
            retryDelay: options.retry.delaySeconds,
            retryBackoff: options.retry.backoff,
          }
        : {}),
      ...(manager
        ? {
            db: {
              executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }),
            },
          }
        : {}),
    });
  }

  /**
   * Works jobs of a queue in this process, one at a time: fetch, run, complete (or fail, so that
   * the queue's retry policy applies). The loop is ours rather than pg-boss's work(), so that
   * shutdown can wait for it to end: nothing of the queue outlives the process's shutdown.
   */
  async work<T extends object>(
    queue: string,
    pollingIntervalSeconds: number,
    handler: (data: T, job: JobContext) => Promise<void>,
  ): Promise<void> {
    const boss = await this.started();
    const loop = async () => {
      while (!this.stopping.signal.aborted) {
        let job: PgBoss.JobWithMetadata<T> | undefined;
        try {
          [job] = await boss.fetch<T>(queue, { batchSize: 1, includeMetadata: true });
        } catch (error) {
          this.logger.error({ err: error, queue }, 'Could not fetch a job');
        }
        if (!job) {
          await sleep(pollingIntervalSeconds * 1000, undefined, { signal: this.stopping.signal }).catch(
            () => undefined,
          );
          continue;
        }
        try {
          await handler(job.data, { id: job.id, retryCount: job.retryCount, stopping: this.stopping.signal });
          await boss.complete(queue, job.id);
        } catch (error) {
          await boss
            .fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) })
            .catch((failure: unknown) => this.logger.error({ err: failure, queue }, 'Could not fail a job'));
        }
      }
    };
    this.loops.push(loop());
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting;
    this.starting = null;
    this.stopping.abort();
    await Promise.all(this.loops);
    await boss.stop({ graceful: false, wait: true });
  }
}

/** One job queue per process, for every feature. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobQueueOptions): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOB_QUEUE_OPTIONS, useValue: options }, JobQueue],
      exports: [JobQueue],
    };
  }
}
