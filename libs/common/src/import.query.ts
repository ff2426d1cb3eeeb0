import { applyDecorators, Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses } from './api-problem-responses.decorator';

/** The query of an endpoint that imports a file: `?dryRun=true` reports what it would change and writes nothing. */
export class ImportQuery {
  /** true: check the file and report what it would change, write nothing. */
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

/**
 * Documents an endpoint that imports a CSV file sent as the body: `text/csv` in, the report out
 * (200 for a dry run, 201 when applied), and the problems it can answer (413, 415, and 422 with
 * every problem of the file).
 */
export const ApiFileImport = (report: Type<unknown>, example: string) =>
  applyDecorators(
    ApiConsumes('text/csv'),
    ApiBody({ schema: { type: 'string', example } }),
    ApiOkResponse({ type: report, description: 'Dry run: what the file would change.' }),
    ApiCreatedResponse({ type: report, description: 'Applied.' }),
    ApiProblemResponses(
      400,
      [413, 'The file is larger than 5 MB.'],
      [415, 'The body is not text/csv.'],
      [422, 'The file has problems: every one in `problems`, with its line; nothing was written.'],
    ),
  );

/** Answers an import: 200 for a dry run, 201 when it was applied. */
export async function answerImport<T>(reply: FastifyReply, dryRun: boolean, report: Promise<T>): Promise<T> {
  const answer = await report;
  void reply.status(dryRun ? 200 : 201);
  return answer;
}
