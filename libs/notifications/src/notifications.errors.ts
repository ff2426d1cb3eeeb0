import { assertUnreachable, DomainError } from '@wmo/common';

export enum NotificationsErrorCode {
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
  WebhookUrlRefused = 'WEBHOOK_URL_REFUSED',
  ReadNeedsUser = 'READ_NEEDS_USER',
}

const TITLES: Record<NotificationsErrorCode, string> = {
  [NotificationsErrorCode.NotificationNotFound]: 'Notification not found',
  [NotificationsErrorCode.WebhookNotFound]: 'Webhook not found',
  [NotificationsErrorCode.WebhookUrlRefused]: 'The webhook URL is not accepted',
  [NotificationsErrorCode.ReadNeedsUser]: 'Only users mark notifications read',
};

export class NotificationsError extends DomainError {
  readonly title: string;

  constructor(
    readonly code: NotificationsErrorCode,
    detail: string,
  ) {
    super(detail);
    this.title = TITLES[code];
  }

  httpStatus(): number {
    switch (this.code) {
      case NotificationsErrorCode.NotificationNotFound:
      case NotificationsErrorCode.WebhookNotFound:
        return 404;
      case NotificationsErrorCode.WebhookUrlRefused:
      case NotificationsErrorCode.ReadNeedsUser:
        return 422;
      default:
        return assertUnreachable(this.code);
    }
  }
}
