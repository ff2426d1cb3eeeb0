import pino, { Logger } from 'pino';
import { AppConfig } from '@wmo/config';
import { useJsonLoggerForNest } from './nest-logger';

/** One JSON logger per process; the HTTP layer and Nest write through it (nestjs-pino). */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): Logger {
  const logger = pino({
    name,
    level: config.LOG_LEVEL,
    base: { pid: process.pid, service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.password', '*.refreshToken'],
      censor: '[redacted]',
    },
  });
  useJsonLoggerForNest(logger);
  return logger;
}
