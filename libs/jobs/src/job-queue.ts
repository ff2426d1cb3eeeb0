import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Transaction } from '@wmo/tenancy';

export const PGBOSS_SCHEMA = 'pgboss';
const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  /** pg-boss keeps its own tables; it connects as the schema owner. */
  ownerUrl: string;
  /** How often pg-boss looks for jobs whose worker vanished (and expires them). */
  maintenanceSeconds: number;
  /**
   * JOB_EXPIRE_SECONDS as this process is configured: a job it works expires this long after the
   * process last showed it alive (the heartbeat), whatever expiry the job was queued with.
   */
  expireSeconds: number;
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
 * Creates the pg-boss schema and the queues (start-up, as the schema owner), and lets the
 * application's group role enqueue from inside its own transactions: USAGE on the schema, SELECT
 * on the queues (pg-boss reads the queue's policy when it inserts), INSERT and SELECT (id) on the
 * jobs (the insert returns the job's id). These grants cannot live in a migration: pg-boss creates
 * and migrates its schema itself, after the migrations have run. Privileges that earlier versions
 * granted the login role directly are taken away, so an upgraded database ends as a fresh one.
 */
export async function prepareJobQueue(
  ownerUrl: string,
  queues: QueueDefinition[],
  applicationRole: string,
): Promise<void> {
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
    await boss.getDb().executeSql(jobQueueGrants(applicationRole), []);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * One statement, so one transaction: running processes never see the privileges missing. Every
 * grant on the schema and its tables to a role other than their owner is revoked first.
 */
function jobQueueGrants(applicationRole: string): string {
  const schema = quoteIdentifier(PGBOSS_SCHEMA);
  const role = quoteIdentifier(applicationRole);
  return `DO $grants$
    DECLARE
      grant_ record;
    BEGIN
      FOR grant_ IN
        SELECT DISTINCT c.oid::regclass AS relation, acl.grantee
          FROM pg_class c
          CROSS JOIN LATERAL (
            SELECT e.grantee FROM aclexplode(c.relacl) e
            UNION
            SELECT e.grantee FROM pg_attribute a CROSS JOIN LATERAL aclexplode(a.attacl) e WHERE a.attrelid = c.oid
          ) acl
         WHERE c.relnamespace = '${schema}'::regnamespace AND acl.grantee <> c.relowner
      LOOP
        EXECUTE format('REVOKE ALL ON TABLE %s FROM %s', grant_.relation,
                       CASE WHEN grant_.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(grant_.grantee)) END);
      END LOOP;
      FOR grant_ IN
        SELECT acl.grantee
          FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) acl
         WHERE n.oid = '${schema}'::regnamespace AND acl.grantee <> n.nspowner
      LOOP
        EXECUTE format('REVOKE ALL ON SCHEMA ${schema} FROM %s',
                       CASE WHEN grant_.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(grant_.grantee)) END);
      END LOOP;
      GRANT USAGE ON SCHEMA ${schema} TO ${role};
      GRANT SELECT ON ${schema}.queue TO ${role};
      GRANT INSERT, SELECT (id) ON ${schema}.job TO ${role};
    END $grants$`;
}

/** The names are this library's constants and the group role's, never input. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
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
   * Enqueues a job. With `tx` it is inserted in that transaction: the job exists exactly when
   * what it works on does.
   */
  async send<T extends object>(
    tx: Transaction | null,
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
      ...(tx
        ? {
            db: {
              executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.manager.query(text, values) }),
            },
          }
        : {}),
    });
  }

  /**
   * Enqueues several jobs of one queue in one statement inside `tx`: they exist exactly when what
   * they work on does. A job whose singleton key is already queued or active is left out, as with
   * `send`. (No `startAfterSeconds` here: pg-boss's batch insert takes a start time, not a delay.)
   */
  async sendMany<T extends object>(
    tx: Transaction,
    queue: string,
    jobs: ReadonlyArray<{ data: T; options?: Omit<SendOptions, 'startAfterSeconds'> }>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const boss = await this.started();
    await boss.insert(
      jobs.map(({ data, options = {} }) => ({
        name: queue,
        data,
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.retry
          ? {
              retryLimit: options.retry.limit,
              retryDelay: options.retry.delaySeconds,
              retryBackoff: options.retry.backoff,
            }
          : {}),
      })),
      {
        db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.manager.query(text, values) }) },
      },
    );
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
        const heartbeat = await this.keepAlive(boss, queue, job);
        try {
          await handler(job.data, { id: job.id, retryCount: job.retryCount, stopping: this.stopping.signal });
          heartbeat.stop();
          await boss.complete(queue, job.id);
        } catch (error) {
          heartbeat.stop();
          await boss
            .fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) })
            .catch((failure: unknown) => this.logger.error({ err: failure, queue }, 'Could not fail a job'));
        }
      }
    };
    this.loops.push(loop());
  }

  /**
   * The heartbeat of a job this process works. pg-boss (v10) fixes a job's expiry when it is
   * queued (the queue's policy then, or the sender's), and expires an active job that long after
   * it started: a job queued under 900 seconds whose worker died stayed stuck for 15 minutes
   * whatever JOB_EXPIRE_SECONDS said, and a run longer than the expiry was taken from a worker
   * still busy with it. So the job's expiry is set to this process's JOB_EXPIRE_SECONDS from
   * now, at once and then every third of it: when the process dies, the job expires within
   * JOB_EXPIRE_SECONDS and the next maintenance hands it to another worker. Only this attempt
   * (its `retry_count`) is extended: a job already taken over is left alone.
   */
  private async keepAlive(boss: PgBoss, queue: string, job: PgBoss.JobWithMetadata<object>) {
    const expireSeconds = this.options.expireSeconds;
    const extend = () =>
      boss
        .getDb()
        .executeSql(
          `UPDATE ${PGBOSS_SCHEMA}.job SET expire_in = (now() - started_on) + make_interval(secs => $4)
            WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
          [queue, job.id, job.retryCount, expireSeconds],
        )
        .then(
          () => undefined,
          (error: unknown) => this.logger.warn({ err: error, queue }, 'Could not extend a job'),
        );
    await extend();
    const timer = setInterval(() => void extend(), Math.max(250, (expireSeconds * 1000) / 3));
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting;
    this.starting = null;
    this.stopping.abort();
    await Promise.all(this.loops);
    await boss.stop({ graceful: false, wait: true });
    this.logger.log('Job queue stopped');
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
