// The entities entry point (@wmo/compliance/entities): for the migration schema only.
export { COMPLIANCE_ENTITIES } from './compliance.entities';
