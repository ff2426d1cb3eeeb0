import type { EntityManager } from 'typeorm';
import { insertAuditEvent } from './audit-events.repository';
import { isOperator, Principal } from './principal';

/**
 * One open database transaction with its row-level-security settings: what every repository
 * method takes as its first argument. There is no other way to a connection; who may see what is
 * decided by how the transaction was opened (ScopedDatabase, or a named `unscoped...` exception).
 */
export interface Transaction {
  readonly manager: EntityManager;
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

/**
 * A transaction as the platform itself: row-level security sees every organisation. Opened only
 * by the named exceptions (UnscopedDatabase, `unscopedWithin`, start-up); never by a request alone.
 */
export class PlatformTransaction implements Transaction {
  constructor(readonly manager: EntityManager) {}

  /** An audit event written by the platform (a worker finishing a run): no actor. */
  audit(record: AuditRecord & { organisationId: string | null }): Promise<void> {
    return insertAuditEvent(this, {
      organisationId: record.organisationId,
      actorOrganisationId: null,
      actorUserId: null,
      actorApiKeyId: null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      before: record.before ?? null,
      after: record.after ?? null,
      requestId: null,
    });
  }
}

/** The caller's transaction: row-level security shows what the caller's organisation may see, and the audit log names the caller. */
export class TenantTransaction implements Transaction {
  constructor(
    readonly manager: EntityManager,
    readonly principal: Principal,
    private readonly requestId: string | undefined,
  ) {}

  get isOperator(): boolean {
    return isOperator(this.principal);
  }

  /**
   * Runs `work` inside this transaction as the platform (row-level security sees everything),
   * then gives the caller's view back: for a check that must see what the caller may not (another
   * organisation's contract), or an event for another organisation, and that returns only what
   * the caller may learn. It stays on this transaction's connection, so it never waits for a
   * second one from the pool, it sees this transaction's own changes, and what it writes commits
   * or rolls back with them.
   */
  async unscopedWithin<T>(work: (tx: PlatformTransaction) => Promise<T>): Promise<T> {
    const [{ previous }] = await this.manager.query<[{ previous: string | null }]>(
      `SELECT current_setting('app.operator', true) AS previous`,
    );
    await this.manager.query(`SELECT set_config('app.operator', 'true', true)`);
    let failed = false;
    try {
      return await work(new PlatformTransaction(this.manager));
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // After a failed statement the transaction is aborted and rolls back; nothing to give back.
      if (!failed) await this.manager.query(`SELECT set_config('app.operator', $1, true)`, [previous ?? 'false']);
    }
  }

  audit(record: AuditRecord): Promise<void> {
    return insertAuditEvent(this, {
      organisationId: record.organisationId === undefined ? this.principal.organisationId : record.organisationId,
      actorOrganisationId: this.principal.organisationId,
      actorUserId: this.principal.userId,
      actorApiKeyId: this.principal.apiKeyId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      before: record.before ?? null,
      after: record.after ?? null,
      requestId: this.requestId ?? null,
    });
  }
}
