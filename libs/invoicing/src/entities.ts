// The entities entry point (@wmo/invoicing/entities): for the migration schema only.
export { INVOICING_ENTITIES } from './invoicing.entities';
