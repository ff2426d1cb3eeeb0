export { NotificationsModule, notificationsOptions } from './notifications.module';
export type { NotificationsModuleOptions } from './notifications.module';

// The outbox: notifications and webhook events, written in the caller's transaction.
export { EventPublisher } from './event-publisher';
export type { EventDraft, NotificationDraft } from './event-publisher';
export type { NotificationKind, WebhookEvent } from './notifications.entities';

// Start-up: the queue whose jobs are the deliveries.
export { webhookQueue } from './webhook-queue';

// What a receiver does to check a delivery (the e2e specs play the receiver).
export { verifyWebhookSignature } from './webhook-signature';
