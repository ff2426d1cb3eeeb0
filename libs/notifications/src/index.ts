export * from './notifications.entities';
