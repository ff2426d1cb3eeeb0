import { ErrorCatalogue, FeatureError } from '@wmo/common';

export enum NotificationsErrorCode {
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
  WebhookUrlRefused = 'WEBHOOK_URL_REFUSED',
  ReadNeedsUser = 'READ_NEEDS_USER',
}

const NOTIFICATIONS_ERRORS: ErrorCatalogue<NotificationsErrorCode> = {
  [NotificationsErrorCode.NotificationNotFound]: { status: 404, title: 'Notification not found' },
  [NotificationsErrorCode.WebhookNotFound]: { status: 404, title: 'Webhook not found' },
  [NotificationsErrorCode.WebhookUrlRefused]: { status: 422, title: 'The webhook URL is not accepted' },
  [NotificationsErrorCode.ReadNeedsUser]: { status: 422, title: 'Only users mark notifications read' },
};

export class NotificationsError extends FeatureError<NotificationsErrorCode> {
  protected catalogue(): ErrorCatalogue<NotificationsErrorCode> {
    return NOTIFICATIONS_ERRORS;
  }
}
