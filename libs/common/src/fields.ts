import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';

export interface FieldOptions {
  /** The field may be left out (documented as not required, and only checked when given). */
  optional?: boolean;
}

/**
 * A property decorator made of the decorators `make` returns for the property's name, which
 * their messages name ("status must be one of ..."); with `optional`, preceded by `@IsOptional()`.
 * They are applied as if written in that order above the property.
 */
export function fieldDecorator(
  make: (name: string) => PropertyDecorator[],
  { optional = false }: FieldOptions = {},
): PropertyDecorator {
  return (target, key) => {
    const decorators = optional ? [IsOptional(), ...make(String(key))] : make(String(key));
    for (const decorator of decorators.reverse()) decorator(target, key);
  };
}

/**
 * The field may be left out, but not sent as `null`: for a field whose column is NOT NULL, where
 * `@IsOptional()` would let `null` through to the database (a 500 instead of a 400 naming it).
 */
export const IsOptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** One of a fixed list of values: documented as an enum, refused with the list. */
export const OneOf = (values: readonly string[], options?: FieldOptions): PropertyDecorator =>
  fieldDecorator(
    (name) => [
      ApiProperty({ enum: [...values], required: !options?.optional }),
      IsIn([...values], { message: `${name} must be one of ${values.join(', ')}` }),
    ],
    options,
  );

/** The id (a UUID) of something, named in the message: `EntityId('a contract id')` refuses with "... must be a contract id (UUID)". */
export const EntityId = (what: string, options?: FieldOptions): PropertyDecorator =>
  fieldDecorator(
    (name) => [
      ApiProperty({ format: 'uuid', required: !options?.optional }),
      IsUUID('all', { message: `${name} must be ${what} (UUID)` }),
    ],
    options,
  );
