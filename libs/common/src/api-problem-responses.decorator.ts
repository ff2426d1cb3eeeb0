import { applyDecorators } from '@nestjs/common';
import { ApiResponse, OpenAPIObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid request: a parameter has the wrong format or is unknown (`errors` lists each field).',
  401: 'Missing or invalid credentials.',
  403: 'Your role does not allow this.',
  404: 'The resource does not exist (or is not yours).',
  409: 'The request conflicts with the current state.',
  422: 'The request is well-formed but cannot be processed.',
  429: 'Too many requests; retry after the time in `Retry-After`.',
  503: 'A dependency (the database) is unavailable.',
};

const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDetailsDto' };

/** Every operation can fail unexpectedly; the 500 it then answers is a problem document too. */
export function documentUnexpectedErrors(document: OpenAPIObject): void {
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods)) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      const { responses } = operation as { responses: Record<string, unknown> };
      responses['500'] ??= {
        description: 'An unexpected error (a bug). It is logged; quote the `requestId` when reporting it.',
        content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
      };
    }
  }
}

/** Documents the problem+json responses of an endpoint; a description may be specialised per status. */
export function ApiProblemResponses(...statuses: Array<number | [number, string]>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((entry) => {
      const [status, description] = Array.isArray(entry)
        ? entry
        : [entry, DEFAULT_DESCRIPTIONS[entry] ?? STATUS_CODES[entry] ?? 'Error'];
      return ApiResponse({
        status,
        description,
        content: { [PROBLEM_CONTENT_TYPE.split(';')[0]]: { schema: PROBLEM_SCHEMA } },
      });
    }),
  );
}
