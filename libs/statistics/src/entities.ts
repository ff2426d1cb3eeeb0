// The entities entry point (@wmo/statistics/entities): for the migration schema only.
export { STATISTICS_ENTITIES } from './statistics.entities';
