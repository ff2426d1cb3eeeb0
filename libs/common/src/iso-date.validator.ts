import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@wmo/domain';

/** A real calendar date written as `YYYY-MM-DD` (2019-02-29 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a calendar date written as YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
}
