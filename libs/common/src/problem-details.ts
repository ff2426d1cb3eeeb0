import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Problem types are relative URI references, documented in the OpenAPI description. */
export function problemType(code: string): string {
  return `/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'limit', description: 'The offending parameter or body field (dotted path).' })
  field: string;

  @ApiProperty({ example: 'limit must not be greater than 500' })
  message: string;
}

/** RFC 9457 problem details: the one format of every error this API returns. */
export class ProblemDetailsDto {
  @ApiProperty({
    example: '/problems/validation-failed',
    description: 'URI reference identifying the problem type; `about:blank` for plain HTTP errors.',
  })
  type: string;

  @ApiProperty({ example: 'Your request parameters did not validate' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'limit: limit must not be greater than 500' })
  detail: string;

  @ApiPropertyOptional({
    example: '/api/v1/municipalities?limit=900',
    description: 'The request that caused the problem.',
  })
  instance?: string;

  @ApiPropertyOptional({
    example: '6f1c2d0e-3b7a-4c55-9d8e-2f7b1a0c9e11',
    description: 'Quote this id when asking for support; it is also in the logs.',
  })
  requestId?: string;

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description: 'For validation problems: one entry per offending field.',
  })
  errors?: FieldErrorDto[];
}
