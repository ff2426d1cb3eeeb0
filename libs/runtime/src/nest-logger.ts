import { Logger, LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { requestStorage } from '@wmo/tenancy';

/**
 * Routes Nest's logger to the process's JSON logger, so every line is structured; within a
 * request each line carries its request id.
 */
export function useJsonLoggerForNest(pino: Pino): void {
  const write =
    (level: 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal') =>
    (message: unknown, ...rest: unknown[]) => {
      const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
      const requestId = requestStorage.getStore()?.requestId;
      // An Error's message and stack are not enumerable: logged as pino's `err`, they are kept.
      if (message instanceof Error) pino[level]({ context, requestId, err: message }, message.message);
      else if (message !== null && typeof message === 'object') pino[level]({ context, requestId, ...message });
      else pino[level]({ context, requestId }, String(message));
    };
  const service: LoggerService = {
    log: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    verbose: write('trace'),
    fatal: write('fatal'),
  };
  Logger.overrideLogger(service);
}
