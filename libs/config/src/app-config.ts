import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import ipaddr from 'ipaddr.js';
import { flattenValidationErrors } from '@wmo/common';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** 1/true/yes and 0/false/no (any case); anything else is left for the validator to refuse. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const word =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value).toLowerCase()
      : null;
  if (word !== null && ['1', 'true', 'yes'].includes(word)) return true;
  if (word !== null && ['0', 'false', 'no'].includes(word)) return false;
  return value;
};

/** The entries of a comma-separated list, trimmed, without empty ones. */
export function listSetting(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Every entry an IPv4 or IPv6 address, or a CIDR range of one. */
@ValidatorConstraint({ name: 'ipList' })
class IpListConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    return listSetting(value).every((entry) => {
      if (entry.includes('/')) {
        try {
          ipaddr.parseCIDR(entry);
          return true;
        } catch {
          return false;
        }
      }
      return ipaddr.isValid(entry);
    });
  }

  defaultMessage(): string {
    return 'TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges (10.0.0.0/8, ::1)';
  }
}

/**
 * All configuration, read from the environment once and validated at boot: a wrong value stops
 * the process with a message naming the variable, instead of failing at the first request.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port of the API. 0 picks a free port (tests). */
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is not set. */
  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  DATA_DIR = './.data';

  /** An external PostgreSQL server; without it the app starts an embedded one under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string = undefined;

  @Transform(toInt)
  @IsInt({ message: 'DB_POOL_SIZE must be an integer between 2 and 200' })
  @Min(2, { message: 'DB_POOL_SIZE must be an integer between 2 and 200' })
  @Max(200, { message: 'DB_POOL_SIZE must be an integer between 2 and 200' })
  DB_POOL_SIZE = 10;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /**
   * The role the application connects as (not the owner of the tables, so row-level security
   * applies). Without it the platform creates and uses the role `wmo_app`, with a password derived
   * from DATABASE_URL's (the owner needs CREATEROLE for that).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_APP_URL must be a postgres:// connection URL' })
  DATABASE_APP_URL?: string = undefined;

  /** HMAC key for access tokens (at least 32 characters). Without it, one is generated and kept in the database. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string = undefined;

  @IsString()
  JWT_ISSUER = 'wmo-luisterend-oor';

  @IsString()
  JWT_AUDIENCE = 'wmo-luisterend-oor-api';

  /** Seed the demo organisations and users (always on with the embedded default database). */
  @Transform(toBoolean)
  @IsOptional()
  @IsIn([true, false], { message: 'DEMO must be 1/true or 0/false' })
  DEMO?: boolean = undefined;

  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters long' })
  DEMO_PASSWORD = 'welkom-demo';

  /** Origins allowed to call the API from a browser, comma-separated; empty: same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /** Requests per minute per client (a signed-in principal, else an IP address). */
  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000' })
  @Min(1, { message: 'RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000' })
  @Max(1_000_000, { message: 'RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000' })
  RATE_LIMIT_PER_MINUTE = 1200;

  /**
   * Proxies (load balancers) whose X-Forwarded-For is believed, comma-separated IP addresses or
   * CIDR ranges; empty: none, the client address is the connection's peer.
   */
  @IsString()
  @Validate(IpListConstraint)
  TRUSTED_PROXIES = '';

  /** Work invoice-run jobs in the API process too (the worker app always does). */
  @Transform(toBoolean)
  @IsIn([true, false], { message: 'WORKER must be 1/true or 0/false' })
  WORKER = true;

  /** Participants issued per transaction in an invoice run. */
  @Transform(toInt)
  @IsInt({ message: 'INVOICE_BATCH_SIZE must be a whole number from 1 to 10000' })
  @Min(1, { message: 'INVOICE_BATCH_SIZE must be a whole number from 1 to 10000' })
  @Max(10_000, { message: 'INVOICE_BATCH_SIZE must be a whole number from 1 to 10000' })
  INVOICE_BATCH_SIZE = 100;

  /** A pause after each batch; for tests that stop a worker in the middle of a run. Leave 0. */
  @Transform(toInt)
  @IsInt({ message: 'INVOICE_BATCH_DELAY_MS must be a whole number of milliseconds' })
  @Min(0)
  @Max(60_000)
  INVOICE_BATCH_DELAY_MS = 0;

  /** Tests only: this many attempts of invoice runs (counted per worker process) fail with an injected transient error after a batch that issued documents. Leave 0. */
  @Transform(toInt)
  @IsInt({ message: 'INVOICE_FAULT_ATTEMPTS must be a whole number' })
  @Min(0)
  @Max(100)
  INVOICE_FAULT_ATTEMPTS = 0;

  /** A job whose worker stopped is given to another worker after this many seconds. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_EXPIRE_SECONDS must be a whole number of seconds from 1 to 86400' })
  @Min(1)
  @Max(86_400)
  JOB_EXPIRE_SECONDS = 900;

  /** How often the job queue looks for such jobs. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_MAINTENANCE_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Min(1)
  @Max(3600)
  JOB_MAINTENANCE_SECONDS = 60;

  /** Seconds before a failed webhook delivery is tried again; doubled for every next attempt. */
  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_RETRY_DELAY_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'WEBHOOK_RETRY_DELAY_SECONDS must be a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'WEBHOOK_RETRY_DELAY_SECONDS must be a whole number of seconds from 1 to 3600' })
  WEBHOOK_RETRY_DELAY_SECONDS = 30;

  /** Attempts after the first before a webhook delivery is given up (FAILED). */
  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_RETRY_LIMIT must be a whole number from 0 to 20' })
  @Min(0, { message: 'WEBHOOK_RETRY_LIMIT must be a whole number from 0 to 20' })
  @Max(20, { message: 'WEBHOOK_RETRY_LIMIT must be a whole number from 0 to 20' })
  WEBHOOK_RETRY_LIMIT = 8;

  /**
   * Webhooks may target loopback, private, link-local and other internal addresses. Unset: only
   * in development and test (their receivers run on 127.0.0.1); never by default in production.
   */
  @Transform(toBoolean)
  @IsOptional()
  @IsIn([true, false], { message: 'WEBHOOK_ALLOW_PRIVATE must be 1/true or 0/false' })
  WEBHOOK_ALLOW_PRIVATE?: boolean = undefined;

  /**
   * Seconds after start before a worker first asks for today's compliance evaluation (then hourly).
   * The wait keeps a process that starts and stops at once from evaluating; the e2e test app sets a
   * day, so that a spec evaluates only when it asks to (POST /api/v1/compliance/evaluations).
   */
  @Transform(toInt)
  @IsInt({ message: 'EVALUATION_START_DELAY_SECONDS must be a whole number of seconds from 0 to 86400' })
  @Min(0, { message: 'EVALUATION_START_DELAY_SECONDS must be a whole number of seconds from 0 to 86400' })
  @Max(86_400, { message: 'EVALUATION_START_DELAY_SECONDS must be a whole number of seconds from 0 to 86400' })
  EVALUATION_START_DELAY_SECONDS = 60;

  /** Directory with the bundled CBS reference data (defaults to the repository's `data/reference`). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REFERENCE_DATA_DIR?: string = undefined;

  /** The built web portal (`npm run build` writes it), served at `/`. Missing: the API runs without it. */
  @IsString()
  @MinLength(1, { message: 'WEB_DIR must not be empty' })
  WEB_DIR = 'dist/web';

  /**
   * Tests only: the date the platform takes as today (issue dates, due dates, statuses, the
   * compliance evaluation). Refused unless NODE_ENV=test; timestamps are not affected.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'CLOCK_TODAY must be a date YYYY-MM-DD' })
  CLOCK_TODAY?: string = undefined;
}

/**
 * Demo data (organisations and logins with a published password, an OPERATOR among them) is
 * seeded when DEMO=1, and by default on the embedded database outside production; never on
 * DATABASE_URL without DEMO=1, nor in production without it.
 */
export function demoEnabled(config: AppConfig): boolean {
  return config.DEMO ?? (!config.DATABASE_URL && config.NODE_ENV !== 'production');
}

/** What to log when demo logins are seeded in production (DEMO=1 there); null when they are not. */
export function demoWarning(config: AppConfig): string | null {
  if (config.NODE_ENV !== 'production' || !demoEnabled(config)) return null;
  return (
    'DEMO=1 in production: the demo organisations and logins are seeded, an OPERATOR among them, all with ' +
    'the published DEMO_PASSWORD. Anyone who reads the README can sign in. Unset DEMO for real use.'
  );
}

/** Internal webhook targets: WEBHOOK_ALLOW_PRIVATE, else only in development and test. */
export function webhookPrivateTargetsAllowed(config: AppConfig): boolean {
  return config.WEBHOOK_ALLOW_PRIVATE ?? config.NODE_ENV !== 'production';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(Object.entries(env).filter(([key]) => known.includes(key)));
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const problems = flattenValidationErrors(validateSync(config, { skipMissingProperties: false })).map(
    ({ field, message }) => `${field}=${JSON.stringify(env[field] ?? '')}: ${message}`,
  );
  if (config.CLOCK_TODAY && config.NODE_ENV !== 'test')
    problems.push(`CLOCK_TODAY=${JSON.stringify(config.CLOCK_TODAY)}: CLOCK_TODAY is only for tests (NODE_ENV=test)`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
