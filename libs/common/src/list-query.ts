import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from './transforms';

/**
 * The one list convention of the API: `?sort=field` ascending, `?sort=-field` descending, `?q=` a
 * plain-text search, `?page=&limit=` the page (PageQuery). Every list names its sortable fields
 * once; the same names go into the OpenAPI document, the validation message and the SQL order.
 */

/** The values `sort` accepts for these fields: each field, and each field with a leading `-`. */
export function sortValues<F extends string>(fields: readonly F[]): Array<F | `-${F}`> {
  return [...fields, ...fields.map((field) => `-${field}` as const)];
}

export type SortValue<F extends string> = F | `-${F}`;

/** `@SortParam(['number', 'totalCents'], '-number')` on a query class's `sort` property. */
export function SortParam<F extends string>(fields: readonly F[], defaultValue: SortValue<F>): PropertyDecorator {
  const values = sortValues(fields);
  const message = `sort must be one of ${fields.join(', ')}, each ascending or with a leading - for descending (e.g. -${fields[0]})`;
  return applyDecorators(
    ApiPropertyOptional({
      enum: values,
      default: defaultValue,
      description: 'The order: a field ascending, or the field with a leading `-` descending.',
    }),
    IsOptional(),
    IsIn(values, { message }),
  );
}

/** `@SearchParam('municipality name or code, or document number')` on a query class's `q` property. */
export function SearchParam(searchedIn: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `Searches ${searchedIn}, case-insensitively, as plain text.`,
      example: 'assen',
    }),
    IsOptional(),
    Trim(),
    IsString({ message: 'q must be a text' }),
    MaxLength(100, { message: 'q must be at most 100 characters' }),
  );
}

export interface SortOrder<F extends string> {
  field: F;
  descending: boolean;
}

export function parseSort<F extends string>(value: SortValue<F>): SortOrder<F> {
  return value.startsWith('-')
    ? { field: value.slice(1) as F, descending: true }
    : { field: value as F, descending: false };
}

/**
 * The SQL `ORDER BY` list for a sort value: the field's column expression in the asked direction
 * (unknown figures last either way), then the tie-breaker so that pages never overlap.
 * `columns` holds trusted SQL only; the sort value has been validated against its keys.
 */
export function orderBy<F extends string>(value: SortValue<F>, columns: Record<F, string>, tieBreaker: string): string {
  const { field, descending } = parseSort(value);
  return `${columns[field]} ${descending ? 'DESC' : 'ASC'} NULLS LAST, ${tieBreaker}`;
}

/** A `q` as an ILIKE pattern matching it anywhere, with `\`, `%` and `_` taken literally; null when empty. */
export function containsPattern(q: string | null | undefined): string | null {
  if (!q) return null;
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
