import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';

/** The notification_read table: which user has read which notification, and since when. */
@Injectable()
export class NotificationReadRepository {
  /** Marks the notification read for the user; answers when it was first read (a second mark keeps the first time). */
  async markRead(
    tx: Transaction,
    mark: { notificationId: string; userId: string; organisationId: string },
  ): Promise<Date> {
    const [{ readAt }] = await tx.manager.query<[{ readAt: Date }]>(
      `INSERT INTO notification_read (notification_id, user_id, organisation_id) VALUES ($1, $2, $3)
       ON CONFLICT (notification_id, user_id) DO UPDATE SET read_at = notification_read.read_at RETURNING read_at AS "readAt"`,
      [mark.notificationId, mark.userId, mark.organisationId],
    );
    return readAt;
  }
}
