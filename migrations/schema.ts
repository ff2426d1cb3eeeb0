import type { SchemaDefinition } from '@wmo/database';
import { COMPLIANCE_ENTITIES } from '@wmo/compliance';
import { CONTRACT_ENTITIES } from '@wmo/contracts';
import { IDENTITY_ENTITIES } from '@wmo/identity';
import { INVOICING_ENTITIES } from '@wmo/invoicing';
import { NOTIFICATION_ENTITIES } from '@wmo/notifications';
import { REFERENCE_DATA_ENTITIES } from '@wmo/reference-data';
import { STATISTICS_ENTITIES } from '@wmo/statistics';
import { MIGRATIONS } from './index';

/**
 * The schema of record: every entity, and the migrations generated from them. A test fails when
 * the two disagree (`npm run migration:generate -- <name>` writes the missing migration).
 */
export const SCHEMA: SchemaDefinition = {
  entities: [
    ...REFERENCE_DATA_ENTITIES,
    ...IDENTITY_ENTITIES,
    ...CONTRACT_ENTITIES,
    ...INVOICING_ENTITIES,
    ...STATISTICS_ENTITIES,
    ...NOTIFICATION_ENTITIES,
    ...COMPLIANCE_ENTITIES,
  ],
  migrations: MIGRATIONS,
};
