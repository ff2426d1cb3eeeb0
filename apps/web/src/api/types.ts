/** Named types of the API's answers, taken from the generated OpenAPI types (schema.d.ts). */
import type { components } from './schema';

/** A schema of the API's OpenAPI document by name: `Schema<'InvoiceDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type Me = Schema<'MeDto'>;
export type Role = Me['roles'][number];
export type OrganisationKind = Me['organisation']['kind'];
