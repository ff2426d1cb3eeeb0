import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
} from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { isOperator, Principal } from './principal';
import { TenantContext } from './tenant-context';

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
export async function withSettings<T>(
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

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The organisation whose data changed; defaults to the caller's. */
  organisationId?: string | null;
  before?: object | null;
  after?: object | null;
}

/** Tenant-owned rows: an `organisationId` column that row-level security also checks. */
export interface TenantOwned extends ObjectLiteral {
  organisationId: string;
}

/**
 * A repository that always adds the caller's organisation to its conditions (an operator's
 * conditions are left as they are). Row-level security enforces the same beneath it.
 */
export class TenantRepository<T extends TenantOwned> {
  constructor(
    private readonly repository: Repository<T>,
    private readonly principal: Principal,
  ) {}

  private scope(where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    return isOperator(this.principal)
      ? where
      : ({ ...where, organisationId: this.principal.organisationId } as FindOptionsWhere<T>);
  }

  findOneBy(where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repository.findOneBy(this.scope(where));
  }

  findAndCount(options: Omit<FindManyOptions<T>, 'where'> & { where?: FindOptionsWhere<T> }): Promise<[T[], number]> {
    return this.repository.findAndCount({ ...options, where: this.scope(options.where) });
  }

  findBy(where: FindOptionsWhere<T>): Promise<T[]> {
    return this.repository.findBy(this.scope(where));
  }

  /** Inserts or updates; a new row belongs to the caller's organisation unless an operator says otherwise. */
  save(entity: Partial<T>): Promise<T> {
    const owned =
      isOperator(this.principal) && entity.organisationId
        ? entity
        : { ...entity, organisationId: this.principal.organisationId };
    return this.repository.save(owned as T);
  }
}

/** One tenant transaction: scoped repositories, raw queries under row-level security, and the audit log. */
export class TenantTransaction {
  constructor(
    readonly manager: EntityManager,
    readonly principal: Principal,
    private readonly requestId: string | undefined,
  ) {}

  repository<T extends TenantOwned>(entity: EntityTarget<T>): TenantRepository<T> {
    return new TenantRepository(this.manager.getRepository(entity), this.principal);
  }

  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T> {
    return this.manager.query(sql, parameters);
  }

  /**
   * Runs `work` inside this transaction as the platform (row-level security sees everything),
   * then gives the caller's view back: for a check that must see what the caller may not (another
   * organisation's contract) and returns only what the caller may learn. It stays on this
   * transaction's connection, so it never waits for a second one from the pool, and it sees this
   * transaction's own changes.
   */
  async unscopedWithin<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const [{ previous }] = await this.manager.query<[{ previous: string | null }]>(
      `SELECT current_setting('app.operator', true) AS previous`,
    );
    await this.manager.query(`SELECT set_config('app.operator', 'true', true)`);
    let failed = false;
    try {
      return await work(this.manager);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // After a failed statement the transaction is aborted and rolls back; nothing to give back.
      if (!failed) await this.manager.query(`SELECT set_config('app.operator', $1, true)`, [previous ?? 'false']);
    }
  }

  async audit(record: AuditRecord): Promise<void> {
    // No RETURNING (updateEntity(false)): the row may concern another organisation, which the
    // actor may write for (e.g. a supplier starting a run on the VNG's contract) but not read.
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .updateEntity(false)
      .values({
        organisationId: record.organisationId === undefined ? this.principal.organisationId : record.organisationId,
        actorOrganisationId: this.principal.organisationId,
        actorUserId: this.principal.userId,
        actorApiKeyId: this.principal.apiKeyId,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId ?? null,
        before: (record.before ?? null) as never,
        after: (record.after ?? null) as never,
        requestId: this.requestId ?? null,
      })
      .execute();
  }
}

export function tenantSettings(principal: Principal): SessionSettings {
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
 * the caller's organisation for row-level security, through repositories that add it to their
 * conditions as well. Nested calls join the running transaction.
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
 * row-level security pass exactly the row that matches the credential; system work (seeding,
 * reference data, the command line) runs as the platform operator.
 */
@Injectable()
export class UnscopedDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  unscopedCredentialLookup<T>(
    setting: 'app.login_email' | 'app.api_key_hash' | 'app.refresh_token_hash',
    value: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return withSettings(this.dataSource, { [setting]: value }, work);
  }

  unscopedSystemTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return unscopedAsPlatform(this.dataSource, work);
  }
}

/** An audit event written by the platform itself (a worker finishing a run): no actor, in the caller's platform transaction. */
export async function systemAudit(
  manager: EntityManager,
  record: AuditRecord & { organisationId: string | null },
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(AuditEventEntity)
    .updateEntity(false)
    .values({
      organisationId: record.organisationId,
      actorOrganisationId: null,
      actorUserId: null,
      actorApiKeyId: null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      before: (record.before ?? null) as never,
      after: (record.after ?? null) as never,
      requestId: null,
    })
    .execute();
}

/**
 * A transaction as the platform itself (row-level security sees everything), for start-up and
 * command-line work that has a DataSource but no Nest container; never reachable from a request.
 */
export function unscopedAsPlatform<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return withSettings(dataSource, { 'app.operator': 'true' }, work);
}
