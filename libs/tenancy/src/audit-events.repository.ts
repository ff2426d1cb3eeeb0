import { AuditEventEntity } from './audit-event.entity';
import type { Transaction } from './transaction';

export interface AuditEventRow {
  id: string;
  organisationId: string | null;
  actorOrganisationId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  occurredAt: Date;
}

export type NewAuditEvent = Omit<AuditEventRow, 'id' | 'occurredAt' | 'before' | 'after'> & {
  before: object | null;
  after: object | null;
};

/**
 * Appends to the audit log. No RETURNING (updateEntity(false)): the row may concern another
 * organisation, which the actor may write for (a supplier starting a run on the VNG's contract)
 * but not read.
 */
export async function insertAuditEvent(tx: Transaction, event: NewAuditEvent): Promise<void> {
  await tx.manager
    .createQueryBuilder()
    .insert()
    .into(AuditEventEntity)
    .updateEntity(false)
    .values({ ...event, before: event.before as never, after: event.after as never })
    .execute();
}

export interface AuditEventFilter {
  /** Null: every organisation (an operator's view; row-level security narrows anyone else's). */
  organisationId: string | null;
  action?: string;
  page: number;
  limit: number;
}

/** A page of the audit log, newest first, with the number of events the filter matches. */
export async function listAuditEvents(tx: Transaction, filter: AuditEventFilter): Promise<[AuditEventRow[], number]> {
  return tx.manager.findAndCount(AuditEventEntity, {
    where: {
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
    },
    order: { occurredAt: 'DESC', id: 'DESC' },
    skip: (filter.page - 1) * filter.limit,
    take: filter.limit,
  });
}
