import pino, { Logger } from 'pino';
import { AppConfig } from '@wmo/config';
import { useJsonLoggerForNest } from './nest-logger';

const destinations = new Set<ReturnType<typeof pino.destination>>();
// Whatever is still buffered is written before the process exits.
process.once('exit', () => destinations.forEach((destination) => destination.flushSync()));

/** One JSON logger per process; Fastify (one line per request) and Nest write through it. */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): Logger {
  // Asynchronous writes: under load, lines are batched into few system calls instead of one per line.
  const destination = pino.destination({ dest: 1, sync: false });
  const logger = pino(
    {
      name,
      level: config.LOG_LEVEL,
      base: { pid: process.pid, service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Requests are logged as id, method, URL and status only (see createApiApp): no headers or bodies, so no credentials.
    },
    destination,
  );
  destinations.add(destination);
  useJsonLoggerForNest(logger);
  return logger;
}
