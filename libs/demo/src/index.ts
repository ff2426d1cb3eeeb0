export { seedDemoData } from './demo-data';
// For the e2e spec that seeds the figures a second time (idempotency).
export { seedDemoStatistics } from './demo-statistics';
