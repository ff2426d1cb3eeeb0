export * from './compliance.entities';
