import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { isOperator, Principal } from './principal';
import { TenantContext } from './tenant-context';
import { PlatformTransaction, TenantTransaction, Transaction } from './transaction';

/** The GUCs row-level security reads (see the RLS migration); set with `set_config(..., true)`, so they end with the transaction. */
export interface SessionSettings {
  'app.org_id'?: string;
  'app.org_kind'?: string;
  'app.municipality_code'?: string;
  'app.operator'?: 'true' | 'false';
  'app.user_id'?: string;
  'app.login_email'?: string;
  'app.api_key_hash'?: string;
  'app.refresh_token_hash'?: string;
}

/**
 * Runs `work` in a transaction whose first statement sets the given settings, local to that
 * transaction: never on the pooled connection, so nothing leaks to the next request.
 */
async function withSettings<T>(
  dataSource: DataSource,
  settings: SessionSettings,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const entries = Object.entries(settings).filter(([, value]) => value !== undefined);
    if (entries.length) {
      await manager.query(
        `SELECT ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
        entries.flat(),
      );
    }
    return work(manager);
  });
}

function tenantSettings(principal: Principal): SessionSettings {
  return {
    'app.org_id': principal.organisationId,
    'app.org_kind': principal.organisationKind,
    'app.municipality_code': principal.municipalityCode ?? undefined,
    'app.operator': isOperator(principal) ? 'true' : 'false',
    'app.user_id': principal.userId ?? undefined,
  };
}

/**
 * The one way feature code reaches tenant data: every query runs in a transaction that carries
 * the caller's organisation, and row-level security (FORCEd on every tenant table) shows that
 * organisation what it may see. Nested calls join the running transaction.
 */
@Injectable()
export class ScopedDatabase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  async transaction<T>(work: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    const running = this.context.runningTransaction();
    if (running) return work(running);
    const principal = this.context.principal();
    return withSettings(this.dataSource, tenantSettings(principal), (manager) => {
      const tx = new TenantTransaction(manager, principal, this.context.requestId());
      return this.context.withTransaction(tx, () => work(tx));
    });
  }
}

/**
 * Deliberate, named exceptions to tenant scoping. Each is narrow: a credential lookup lets
 * row-level security pass exactly the row that matches the credential; work for the platform
 * itself (jobs, the daily evaluation) sees every organisation; a job that must run once holds a
 * lock across its transactions.
 */
@Injectable()
export class UnscopedDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  unscopedCredentialLookup<T>(
    setting: 'app.login_email' | 'app.api_key_hash' | 'app.refresh_token_hash',
    value: string,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return withSettings(this.dataSource, { [setting]: value }, (manager) => work({ manager }));
  }

  unscopedSystemTransaction<T>(work: (tx: PlatformTransaction) => Promise<T>): Promise<T> {
    return unscopedAsPlatform(this.dataSource, work);
  }

  /**
   * A connection of its own, outside the pool, as the same role: for LISTEN, which needs a
   * session that stays open. Not yet connected; the caller connects and ends it. It runs no tenant
   * settings, so row-level security shows it no tenant rows.
   */
  unscopedDedicatedClient(applicationName: string): Client {
    const { url } = this.dataSource.options as PostgresDataSourceOptions;
    // Keep-alive: a connection that only listens is idle, and a NAT or balancer may drop it silently.
    return new Client({ connectionString: url, application_name: applicationName, keepAlive: true });
  }

  /**
   * Runs `work` while this process holds a PostgreSQL session lock on `key`, on a connection of
   * its own that outlives the transactions `work` opens; null (and `work` not run) when another
   * process holds it. For jobs that several workers may be handed, and only one may do.
   */
  async unscopedExclusive<T>(key: string, work: () => Promise<T>): Promise<{ result: T } | null> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = (await lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 7)) AS locked`, [
        key,
      ])) as [{ locked: boolean }];
      if (!locked) return null;
      try {
        return { result: await work() };
      } finally {
        await lock.query(`SELECT pg_advisory_unlock(hashtextextended($1, 7))`, [key]);
      }
    } finally {
      await lock.release();
    }
  }
}

/**
 * Reference data (municipalities, provinces, CBS figures, duties) is the same for everyone: row-
 * level security does not guard it and the application role may only read it. Its reads run
 * statement by statement on the pool, without a transaction or tenant settings: the hot
 * municipality document is one round trip.
 */
@Injectable()
export class ReferenceDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Statements one by one, outside a transaction; without settings, tenant tables show no rows. */
  get reader(): Transaction {
    return { manager: this.dataSource.manager };
  }

  /**
   * A hot read as a named prepared statement: PostgreSQL plans it once per connection instead of
   * on every request (TypeORM's `query` always sends unnamed statements, planned each time).
   */
  async prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query({ name, text, values });
    return result.rows as T[];
  }
}

/**
 * A transaction as the platform itself (row-level security sees everything), for start-up and
 * command-line work that has a DataSource but no Nest container; never reachable from a request.
 */
export function unscopedAsPlatform<T>(
  dataSource: DataSource,
  work: (tx: PlatformTransaction) => Promise<T>,
): Promise<T> {
  return withSettings(dataSource, { 'app.operator': 'true' }, (manager) => work(new PlatformTransaction(manager)));
}
