/** A field-level problem in a request, as listed in a validation problem. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base of every typed error. A feature declares its error codes as an enum and gives each its
 * HTTP status and title in one exhaustive catalogue (`FeatureError`, see `*.errors.ts`), so a new
 * error cannot ship unmapped; the global problem filter turns it into `application/problem+json`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Short, stable, human-readable summary of the kind of problem (the problem `title`). */
  abstract readonly title: string;
  abstract httpStatus(): number;

  /** Response headers the problem needs (e.g. `Retry-After`). */
  headers(): Record<string, string> {
    return {};
  }

  constructor(
    /** Explanation specific to this occurrence (the problem `detail`). */
    readonly detail: string,
    /** Extra members of the problem document, e.g. the conflicting contract. */
    readonly extensions: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** Every code of a feature with its HTTP status and title: a `Record` over the code enum, so a new code without an entry does not compile. */
export type ErrorCatalogue<Code extends string> = Readonly<Record<Code, { status: number; title: string }>>;

/**
 * A feature's typed error: `code` is one of the feature's enum, and the feature's catalogue gives
 * its HTTP status and title. The global problem filter turns it into `application/problem+json`.
 */
export abstract class FeatureError<Code extends string> extends DomainError {
  readonly title: string;

  constructor(
    readonly code: Code,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail, extensions);
    this.title = this.catalogue()[code].title;
  }

  /** The feature's catalogue (a constant; called from the constructor, so it must not read instance fields). */
  protected abstract catalogue(): ErrorCatalogue<Code>;

  httpStatus(): number {
    return this.catalogue()[this.code].status;
  }
}

/** A request whose shape or values are invalid (400), with one entry per offending field. */
export class RequestValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly title = 'Your request parameters did not validate';

  constructor(fieldErrors: FieldError[], detail?: string) {
    super(detail ?? fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; '), {}, fieldErrors);
  }

  httpStatus(): number {
    return 400;
  }
}

/** More requests from one client than the general rate limit allows (429, with Retry-After). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly title = 'Too many requests';

  constructor(private readonly retryAfterSeconds: number) {
    super(`Too many requests from this client. Try again in ${retryAfterSeconds} second(s).`);
  }

  override headers(): Record<string, string> {
    return { 'Retry-After': String(this.retryAfterSeconds) };
  }

  httpStatus(): number {
    return 429;
  }
}
