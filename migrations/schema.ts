import type { SchemaDefinition } from '@wmo/database';
import { COMPLIANCE_ENTITIES } from '@wmo/compliance/entities';
import { CONTRACT_ENTITIES } from '@wmo/contracts/entities';
import { IDENTITY_ENTITIES } from '@wmo/identity/entities';
import { INVOICING_ENTITIES } from '@wmo/invoicing/entities';
import { NOTIFICATION_ENTITIES } from '@wmo/notifications/entities';
import { REFERENCE_DATA_ENTITIES } from '@wmo/reference-data/entities';
import { STATISTICS_ENTITIES } from '@wmo/statistics/entities';
import { TENANCY_ENTITIES } from '@wmo/tenancy/entities';
import { MIGRATIONS } from './index';

/**
 * The schema of record: every entity, and the migrations generated from them. A test fails when
 * the two disagree (`npm run migration:generate -- <name>` writes the missing migration). The
 * only importer of the libraries' entities entry points.
 */
export const SCHEMA: SchemaDefinition = {
  entities: [
    ...REFERENCE_DATA_ENTITIES,
    ...TENANCY_ENTITIES,
    ...IDENTITY_ENTITIES,
    ...CONTRACT_ENTITIES,
    ...INVOICING_ENTITIES,
    ...STATISTICS_ENTITIES,
    ...NOTIFICATION_ENTITIES,
    ...COMPLIANCE_ENTITIES,
  ],
  migrations: MIGRATIONS,
};
