import type { Logger } from 'pino';
import { AppConfig, ConfigError, loadConfig } from '@wmo/config';

/** Reads the configuration; a bad value ends the process with the list of problems (exit code 78, EX_CONFIG). */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

/**
 * A Ctrl-C reaches every process of the terminal's foreground group, and `npm start` forwards
 * it to its child as well: the same stop arrives twice within moments. Only a signal after this
 * long counts as a second one.
 */
const REPEATED_SIGNAL_MS = 1_000;

/**
 * Graceful shutdown on SIGINT/SIGTERM: the given steps run once, in order (stop taking requests,
 * finish jobs, close the pool, stop the embedded database); a second signal forces the exit.
 */
export function shutdownOnSignals(logger: Logger, shutdown: () => Promise<void>): void {
  let stoppingSince: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
      logger.warn({ signal }, 'Second signal: exiting immediately');
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, 'Shutting down');
    shutdown().then(
      () => {
        logger.info('Stopped cleanly');
        logger.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
