import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, RequestValidationError } from './domain-error';

/**
 * Request validation for every endpoint: unknown query parameters and body fields are refused
 * (a typo must not be silently ignored), values are converted to their declared types, and all
 * problems are reported at once, one per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false, // DTOs are always class instances here (transform); an empty DTO must not be 'unknown'
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? `unknown parameter '${error.property}'` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
