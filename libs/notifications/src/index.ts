export * from './event-publisher';
export * from './notifications.entities';
export * from './notifications.module';
export * from './webhook-options';
export * from './webhook-queue';
export * from './webhook-signature';
export * from './webhooks.service';
