import { Injectable } from '@nestjs/common';
import { parseSort } from '@wmo/common';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ListNotificationsQuery, NotificationDto, NotificationPageDto } from './dto/notifications.dto';
import { NotificationReadRepository } from './notification-read.repository';
import { Audience, NotificationRepository, NotificationRow } from './notification.repository';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';

const toDto = (row: NotificationRow): NotificationDto => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  message: row.message,
  municipalityCode: row.municipalityCode,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  data: row.data,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** The own organisation's, for one of the caller's roles (or for everyone in it); an operator too sees only the own organisation's. */
const audienceOf = ({ principal }: TenantTransaction): Audience => ({
  organisationId: principal.organisationId,
  roles: principal.roles,
  userId: principal.userId,
});

/** The notifications of the caller's organisation meant for the caller's roles, newest first, with the caller's read marks. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly notifications: NotificationRepository,
    private readonly reads: NotificationReadRepository,
  ) {}

  list(query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.db.transaction(async (tx) => {
      const audience = audienceOf(tx);
      const read = query.unread === 'true' ? false : query.unread === 'false' ? true : null;
      const page = await this.notifications.page(tx, audience, {
        read,
        kind: query.kind ?? null,
        descending: parseSort(query.sort).descending,
        page: query.page,
        limit: query.limit,
      });
      // The page's own count of unread ones holds only when the page shows every unread one.
      const unread =
        query.unread === 'false' || query.kind !== undefined || (page.rows.length === 0 && query.page > 1)
          ? await this.notifications.countUnread(tx, audience)
          : page.unread;
      return { items: page.rows.map(toDto), total: page.total, unread, page: query.page, limit: query.limit };
    });
  }

  /** Marks a notification read for the signed-in user (API keys have no read marks). */
  markRead(id: string): Promise<NotificationDto> {
    return this.db.transaction(async (tx) => {
      const row = await this.notifications.findForAudience(tx, audienceOf(tx), id);
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
      const readAt =
        row.readAt ??
        (await this.reads.markRead(tx, {
          notificationId: id,
          userId: tx.principal.userId,
          organisationId: tx.principal.organisationId,
        }));
      return toDto({ ...row, readAt });
    });
  }
}
