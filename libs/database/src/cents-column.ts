import { Column, ColumnOptions, ValueTransformer } from 'typeorm';
import { cents, Cents } from '@wmo/domain';

/**
 * `bigint` cents in PostgreSQL, `Cents` in TypeScript. node-postgres sends a bigint as text (it
 * may not fit a double); this reads it as a checked amount, and refuses to read or write one that
 * is not a safe integer rather than lose a cent.
 */
export const CENTS_TRANSFORMER: ValueTransformer = {
  to: (value: unknown) => (typeof value === 'number' ? cents(value) : value),
  from: (value: string | null): Cents | null => (value === null ? null : cents(value)),
};

/** A money column: `<name>_cents bigint`, read and written as `Cents`. */
export function CentsColumn(options: Pick<ColumnOptions, 'name' | 'default' | 'nullable'>): PropertyDecorator {
  return Column({ ...options, type: 'bigint', transformer: CENTS_TRANSFORMER });
}
