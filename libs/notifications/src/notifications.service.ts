import { Injectable } from '@nestjs/common';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ListNotificationsQuery, NotificationDto, NotificationPageDto } from './dto/notifications.dto';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';

interface Row {
  id: string;
  kind: string;
  title: string;
  message: string;
  municipality_code: string | null;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

const toDto = (row: Row): NotificationDto => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  message: row.message,
  municipalityCode: row.municipality_code,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  data: row.data,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

/** The notifications of the caller's organisation meant for the caller's roles, newest first, with the caller's read marks. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: ScopedDatabase) {}

  list(query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.db.transaction(async (tx) => {
      const mine = this.mine(tx);
      const rows = await tx.manager.query<Array<Row & { total: number; unread: number }>>(
        `SELECT n.id, n.kind, n.title, n.message, n.municipality_code, n.subject_type, n.subject_id, n.data, n.created_at, r.read_at,
                count(*) OVER ()::int AS total, count(*) FILTER (WHERE r.read_at IS NULL) OVER ()::int AS unread
           FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $3
          WHERE ${mine.where} ${query.unread === 'true' ? 'AND r.read_at IS NULL' : query.unread === 'false' ? 'AND r.read_at IS NOT NULL' : ''}
          ORDER BY n.created_at DESC, n.id
          LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
        mine.params,
      );
      let unread = rows[0]?.unread ?? 0;
      if (query.unread === 'false' || (rows.length === 0 && query.page > 1)) {
        const [count] = await tx.manager.query<Array<{ unread: number }>>(
          `SELECT count(*)::int AS unread FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $3 WHERE ${mine.where} AND r.read_at IS NULL`,
          mine.params,
        );
        unread = count.unread;
      }
      return { items: rows.map(toDto), total: rows[0]?.total ?? 0, unread, page: query.page, limit: query.limit };
    });
  }

  /** Marks a notification read for the signed-in user (API keys have no read marks). */
  markRead(id: string): Promise<NotificationDto> {
    return this.db.transaction(async (tx) => {
      const mine = this.mine(tx);
      const [row] = await tx.manager.query<Row[]>(
        `SELECT n.id, n.kind, n.title, n.message, n.municipality_code, n.subject_type, n.subject_id, n.data, n.created_at, r.read_at
           FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $3
          WHERE ${mine.where} AND n.id = $4`,
        [...mine.params, id],
      );
      if (!row)
        throw new NotificationsError(
          NotificationsErrorCode.NotificationNotFound,
          `There is no notification ${id} for you.`,
        );
      if (!tx.principal.userId)
        throw new NotificationsError(
          NotificationsErrorCode.ReadNeedsUser,
          'Read marks belong to users; an API key lists notifications without them.',
        );
      if (!row.read_at) {
        const [read] = await tx.manager.query<Array<{ read_at: Date }>>(
          `INSERT INTO notification_read (notification_id, user_id, organisation_id) VALUES ($1, $2, $3)
           ON CONFLICT (notification_id, user_id) DO UPDATE SET read_at = notification_read.read_at RETURNING read_at`,
          [id, tx.principal.userId, tx.principal.organisationId],
        );
        row.read_at = read.read_at;
      }
      return toDto(row);
    });
  }

  /** The own organisation's, for one of the caller's roles (or for everyone in it); an operator too sees only the own organisation's. */
  private mine(tx: TenantTransaction): { where: string; params: unknown[] } {
    return {
      where: `n.organisation_id = $1 AND (cardinality(n.roles) = 0 OR n.roles && $2::varchar[])`,
      params: [tx.principal.organisationId, tx.principal.roles, tx.principal.userId],
    };
  }
}
