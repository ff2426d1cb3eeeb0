import { Logger, LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

/**
 * Routes Nest's static logger to the process's JSON logger from the first line on, so start-up
 * messages (migrations, reference data) are structured like everything after.
 */
export function useJsonLoggerForNest(pino: Pino): void {
  const write = (level: 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal') => (message: unknown, ...rest: unknown[]) => {
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    if (message !== null && typeof message === 'object') pino[level]({ context, ...(message as object) });
    else pino[level]({ context }, String(message));
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
