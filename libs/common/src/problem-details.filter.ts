import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto, problemType } from './problem-details';

type Problem = ProblemDetailsDto & Record<string, unknown>;

/**
 * Turns every error into one format, RFC 9457 `application/problem+json`. Typed domain errors
 * carry their own status; Nest and Fastify HTTP errors keep theirs; anything else is a bug and
 * answers a 500 without internals (the stack goes to the log with the request id).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), exception, this.logger);
  }
}

/** Answers with the problem document of `exception`. Nest routes Fastify's own errors (hooks, body parsing) here too. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  exception: unknown,
  logger: Pick<Logger, 'error'>,
): void {
  const problem = toProblem(exception);
  problem.instance = request.url;
  problem.requestId = String(request.id);
  if (problem.status >= 500) {
    logger.error({ err: exception, requestId: request.id }, `Unhandled error on ${request.method} ${request.url}`);
  }
  for (const [name, value] of Object.entries(headersOf(exception))) void reply.header(name, value);
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

export function toProblem(exception: unknown): Problem {
  if (exception instanceof DomainError) {
    return {
      type: problemType(exception.code),
      title: exception.title,
      status: exception.httpStatus(),
      detail: exception.detail,
      ...(exception.fieldErrors.length ? { errors: exception.fieldErrors } : {}),
      ...exception.extensions,
    };
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception);
  }
  const fastifyStatus = clientErrorStatusOf(exception);
  if (fastifyStatus) {
    return plainProblem(fastifyStatus, (exception as Error).message);
  }
  return plainProblem(
    HttpStatus.INTERNAL_SERVER_ERROR,
    'An unexpected error occurred. It has been logged; quote the request id when you report it.',
  );
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'string') return plainProblem(status, body);
  const { message, error: _error, statusCode: _statusCode, ...rest } = body as Record<string, unknown>;
  const detail = Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
  // Terminus puts the state of every health check in the body; keep it for the operator.
  const checks = 'details' in rest ? { checks: rest.details } : {};
  return { ...plainProblem(status, detail), ...checks };
}

/** Errors Fastify raises itself (bad JSON, unsupported media type, body too large) carry a 4xx `statusCode`. */
function clientErrorStatusOf(exception: unknown): number | null {
  if (exception instanceof Error && 'statusCode' in exception) {
    const status = Number((exception as { statusCode: unknown }).statusCode);
    if (status >= 400 && status < 500) return status;
  }
  return null;
}

function headersOf(exception: unknown): Record<string, string> {
  if (exception instanceof DomainError) return exception.headers();
  if (exception instanceof HttpException && exception.getStatus() === 401) return { 'WWW-Authenticate': 'Bearer' };
  return {};
}

/**
 * The raw HTTP answer to a request Node could not parse (headers over its limit: 431; a malformed
 * request line: 400; too slow: 408), written to the socket before Fastify has a request: a problem
 * document like every other error, and the connection closed.
 */
export function clientErrorResponse(error: { code?: string }): string {
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? 'The request line and headers are larger than the server accepts (16 KB): send a shorter URL or fewer headers.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request is not valid HTTP.';
  const body = JSON.stringify(plainProblem(status, detail));
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

function plainProblem(status: number, detail: string): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
}
