import { Injectable } from '@nestjs/common';
import type { Role, Transaction } from '@wmo/tenancy';
import type { NotificationKind } from './notifications.entities';

/** Who reads: the notifications of one organisation meant for one of these roles (or for everyone in it), with this user's read marks. */
export interface Audience {
  organisationId: string;
  roles: readonly Role[];
  /** Null for an API key: it has no read marks. */
  userId: string | null;
}

/** A notification as its reader sees it: with the reader's read mark. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  message: string;
  municipalityCode: string | null;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** A page of notifications, with how many pass the filter and how many of those are unread (both 0 on an empty page). */
export interface NotificationPage {
  rows: NotificationRow[];
  total: number;
  unread: number;
}

/** A notification to write, as the feature that notifies drafts it. */
export interface NewNotification {
  organisationId: string;
  /** Who in the organisation sees it; empty: everyone. */
  roles: readonly Role[];
  kind: NotificationKind;
  municipalityCode: string | null;
  subjectType: string;
  subjectId: string;
  title: string;
  message: string;
  data: Record<string, unknown>;
  /** The same fact is notified once per organisation. */
  dedupeKey: string;
}

const COLUMNS = `n.id, n.kind, n.title, n.message, n.municipality_code AS "municipalityCode", n.subject_type AS "subjectType",
                 n.subject_id AS "subjectId", n.data, n.created_at AS "createdAt", r.read_at AS "readAt"`;

/** The audience's notifications ($1 organisation, $2 roles) with the reader's read marks ($3 user). */
const OF_AUDIENCE = `FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $3
  WHERE n.organisation_id = $1 AND (cardinality(n.roles) = 0 OR n.roles && $2::varchar[])`;

const audienceParams = (audience: Audience): unknown[] => [audience.organisationId, audience.roles, audience.userId];

/** The notification table (and its read marks, notification_read, read with it). */
@Injectable()
export class NotificationRepository {
  /**
   * Inserts the notifications whose fact (organisation, dedupe key) is new, in one statement;
   * answers the keys of those inserted.
   */
  async insertNew(
    tx: Transaction,
    notifications: readonly NewNotification[],
  ): Promise<Array<{ organisationId: string; dedupeKey: string }>> {
    if (notifications.length === 0) return [];
    return tx.manager.query<Array<{ organisationId: string; dedupeKey: string }>>(
      `INSERT INTO notification (organisation_id, roles, kind, municipality_code, subject_type, subject_id, title, message, data, dedupe_key)
       SELECT t.organisation_id, string_to_array(t.roles, ',')::varchar[], t.kind, t.municipality_code, t.subject_type, t.subject_id, t.title, t.message, t.data, t.dedupe_key
         FROM unnest($1::uuid[], $2::text[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::text[], $9::jsonb[], $10::varchar[])
              AS t(organisation_id, roles, kind, municipality_code, subject_type, subject_id, title, message, data, dedupe_key)
       ON CONFLICT (organisation_id, dedupe_key) DO NOTHING
       RETURNING organisation_id AS "organisationId", dedupe_key AS "dedupeKey"`,
      [
        notifications.map((n) => n.organisationId),
        notifications.map((n) => n.roles.join(',')),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.municipalityCode),
        notifications.map((n) => n.subjectType),
        notifications.map((n) => n.subjectId),
        notifications.map((n) => n.title),
        notifications.map((n) => n.message),
        notifications.map((n) => JSON.stringify(n.data)),
        notifications.map((n) => n.dedupeKey),
      ],
    );
  }

  /**
   * A page of the audience's notifications, newest first (or oldest first); `read` narrows to read
   * (true) or unread (false) ones, `kind` to one kind.
   */
  async page(
    tx: Transaction,
    audience: Audience,
    filter: { read: boolean | null; kind: NotificationKind | null; descending: boolean; page: number; limit: number },
  ): Promise<NotificationPage> {
    const readFilter = filter.read === null ? '' : filter.read ? 'AND r.read_at IS NOT NULL' : 'AND r.read_at IS NULL';
    const direction = filter.descending ? 'DESC' : 'ASC';
    const rows = await tx.manager.query<Array<NotificationRow & { total: number; unread: number }>>(
      `SELECT ${COLUMNS},
              count(*) OVER ()::int AS total, count(*) FILTER (WHERE r.read_at IS NULL) OVER ()::int AS unread
         ${OF_AUDIENCE} ${readFilter} AND ($6::varchar IS NULL OR n.kind = $6)
        ORDER BY n.created_at ${direction}, n.id
        LIMIT $4 OFFSET $5`,
      [...audienceParams(audience), filter.limit, (filter.page - 1) * filter.limit, filter.kind],
    );
    return {
      rows: rows.map(({ total: _total, unread: _unread, ...row }) => row),
      total: rows[0]?.total ?? 0,
      unread: rows[0]?.unread ?? 0,
    };
  }

  /** How many of the audience's notifications the reader has not read. */
  async countUnread(tx: Transaction, audience: Audience): Promise<number> {
    const [{ unread }] = await tx.manager.query<[{ unread: number }]>(
      `SELECT count(*)::int AS unread ${OF_AUDIENCE} AND r.read_at IS NULL`,
      audienceParams(audience),
    );
    return unread;
  }

  /** One of the audience's notifications, or null. */
  async findForAudience(tx: Transaction, audience: Audience, id: string): Promise<NotificationRow | null> {
    const [row] = await tx.manager.query<NotificationRow[]>(`SELECT ${COLUMNS} ${OF_AUDIENCE} AND n.id = $4`, [
      ...audienceParams(audience),
      id,
    ]);
    return row ?? null;
  }
}
