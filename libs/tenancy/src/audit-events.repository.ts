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
  /** A user or API key id. */
  actor?: string;
  /** Days (YYYY-MM-DD), both included, in Amsterdam time. */
  from?: string;
  to?: string;
  /** An ILIKE pattern matched against the action, the actor's name, e-mail or key name, and the subject (type, id, state). */
  pattern?: string | null;
  descending: boolean;
  page: number;
  limit: number;
}

/** An audit event with who acted as the reader may see it (row-level security hides other organisations' users). */
export interface AuditEventListRow extends AuditEventRow {
  actorName: string | null;
}

/**
 * The events the filter matches ($1 organisation, $2 action, $3 actor, $4 from, $5 to, $6 pattern),
 * with their actors. The pattern searches the subject's recorded state too: a user created is found
 * by the name or address it was given.
 */
const MATCHING = `FROM audit_event e
       LEFT JOIN app_user u ON u.id = e.actor_user_id
       LEFT JOIN api_key k ON k.id = e.actor_api_key_id
      WHERE ($1::uuid IS NULL OR e.organisation_id = $1)
        AND ($2::varchar IS NULL OR e.action = $2)
        AND ($3::uuid IS NULL OR e.actor_user_id = $3 OR e.actor_api_key_id = $3)
        AND ($4::date IS NULL OR e.occurred_at >= $4::date::timestamp AT TIME ZONE 'Europe/Amsterdam')
        AND ($5::date IS NULL OR e.occurred_at < ($5::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')
        AND ($6::text IS NULL OR e.action ILIKE $6 OR e.entity_type ILIKE $6 OR e.entity_id ILIKE $6
             OR u.name ILIKE $6 OR u.email ILIKE $6 OR k.name ILIKE $6
             OR e.after::text ILIKE $6 OR e.before::text ILIKE $6)`;

const matchingParams = (filter: AuditEventFilter): unknown[] => [
  filter.organisationId,
  filter.action ?? null,
  filter.actor ?? null,
  filter.from ?? null,
  filter.to ?? null,
  filter.pattern ?? null,
];

/**
 * A page of the audit log, by time (newest first unless asked otherwise), with the number of
 * events the filter matches. The actor's name comes from the user or key where the reader may see it.
 */
export async function listAuditEvents(
  tx: Transaction,
  filter: AuditEventFilter,
): Promise<[AuditEventListRow[], number]> {
  const direction = filter.descending ? 'DESC' : 'ASC';
  const rows = await tx.manager.query<Array<AuditEventListRow & { total: number }>>(
    `SELECT e.id::text AS id, e.organisation_id AS "organisationId", e.actor_organisation_id AS "actorOrganisationId",
            e.actor_user_id AS "actorUserId", e.actor_api_key_id AS "actorApiKeyId", e.action,
            e.entity_type AS "entityType", e.entity_id AS "entityId", e.before, e.after,
            e.request_id AS "requestId", e.occurred_at AS "occurredAt",
            COALESCE(u.name || ' (' || u.email || ')', k.name) AS "actorName",
            count(*) OVER ()::int AS total
       ${MATCHING}
      ORDER BY e.occurred_at ${direction}, e.id ${direction}
      LIMIT $7 OFFSET $8`,
    [...matchingParams(filter), filter.limit, (filter.page - 1) * filter.limit],
  );
  // A page past the end has no row to carry the count.
  const total =
    rows[0]?.total ??
    (filter.page > 1
      ? (
          await tx.manager.query<[{ total: number }]>(
            `SELECT count(*)::int AS total ${MATCHING}`,
            matchingParams(filter),
          )
        )[0].total
      : 0);
  return [rows.map(({ total: _total, ...row }) => row), total];
}
