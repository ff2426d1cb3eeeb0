import { registerDecorator, ValidationOptions } from 'class-validator';

/** A positive EUR amount as a decimal string with at most four decimals ("0.25", "0.2500"). */
export function IsTariffAmount(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTariffAmount',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be a positive amount in euros with at most 4 decimals, as a string such as "0.2500"',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{1,6}(\.\d{1,4})?$/.test(value) && Number(value) > 0,
      },
    });
}
