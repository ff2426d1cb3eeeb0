// The entities entry point (@wmo/notifications/entities): for the migration schema only.
export { NOTIFICATION_ENTITIES } from './notifications.entities';
