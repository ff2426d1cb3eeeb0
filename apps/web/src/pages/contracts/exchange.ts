/** The contract pages' API calls that need more than api(): the status (202 a new run, 200 the existing one) and problem members. */
import { apiExchange, Exchange, Query } from '../../api/client';
import { ApiError } from '../../api/errors';

export type { Exchange };

/** An API problem with a type, whose members (`runId`, `conflictingContract`, `exception`) the forms explain in Dutch. */
export function isProblem(error: unknown): error is ApiError {
  return error instanceof ApiError && Boolean(error.type);
}

export function exchange<T>(path: string, options: { method: string; body?: unknown; query?: Query; headers?: Record<string, string> }): Promise<Exchange<T>> {
  return apiExchange<T>(path, options);
}

/** A fresh Idempotency-Key for one user action. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
