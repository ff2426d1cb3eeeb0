import type { SchemaDefinition } from '@wmo/database';
import { CONTRACT_ENTITIES } from '@wmo/contracts';
import { IDENTITY_ENTITIES } from '@wmo/identity';
import { INVOICING_ENTITIES } from '@wmo/invoicing';
import { REFERENCE_DATA_ENTITIES } from '@wmo/reference-data';
import { MIGRATIONS } from './index';

/**
 * The schema of record: every entity, and the migrations generated from them. A test fails when
 * the two disagree (`npm run migration:generate -- <name>` writes the missing migration).
 */
export const SCHEMA: SchemaDefinition = {
  entities: [...REFERENCE_DATA_ENTITIES, ...IDENTITY_ENTITIES, ...CONTRACT_ENTITIES, ...INVOICING_ENTITIES],
  migrations: MIGRATIONS,
};
