import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, RequestValidationError } from './domain-error';

/**
 * Nest's ValidationPipe, except that a body a DTO is declared for must be a JSON object when it
 * is sent: Nest turns `null` into `{}` (a PATCH that changes nothing, a PUT that clears
 * everything), and an array or a bare value is no DTO either. A missing body stays `{}`.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (metadata.type === 'body' && value !== undefined && !isObject && this.toValidate(metadata))
      throw new RequestValidationError([{ field: 'body', message: 'the body must be a JSON object' }]);
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * Request validation for every endpoint: unknown query parameters and body fields are refused
 * (a typo must not be silently ignored), values are converted to their declared types, and all
 * problems are reported at once, one per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
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
