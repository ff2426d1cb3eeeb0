import { PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './domain-error';

/**
 * A path parameter checked against a pattern: a 400 naming the parameter when it does not match.
 * Cheaper than a DTO class for a single string (the hot read endpoints use it).
 */
export class PatternPipe implements PipeTransform<string, string> {
  constructor(
    private readonly field: string,
    private readonly pattern: RegExp,
    private readonly message: string,
  ) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !this.pattern.test(value))
      throw new RequestValidationError([{ field: this.field, message: this.message }]);
    return value;
  }
}
