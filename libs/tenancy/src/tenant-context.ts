import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { Principal } from './principal';
import type { TenantTransaction } from './transaction';

/** What one request (or job) carries through its asynchronous calls. */
export interface RequestStore {
  requestId?: string;
  principal?: Principal;
  transaction?: TenantTransaction;
}

/**
 * The caller of the current request, in async local storage. Entered once per request by a
 * Fastify onRequest hook (see createApiApp), and by `runAs` for work outside a request.
 * A plain AsyncLocalStorage rather than nestjs-cls: the latter mounts a global guard and
 * interceptor that halved the throughput of every endpoint (measured with npm run bench).
 */
/** One store per request; module-level so that the logger can add the request id to every line. */
export const requestStorage = new AsyncLocalStorage<RequestStore>();

@Injectable()
export class TenantContext {
  private readonly storage = requestStorage;

  /** Runs the rest of a request inside its own store (callback style, for a Fastify hook). */
  enter(requestId: string, next: () => void): void {
    this.storage.run({ requestId }, next);
  }

  setPrincipal(principal: Principal): void {
    const store = this.storage.getStore();
    if (!store) throw new Error('No request context: TenantContext.enter was not called for this request');
    store.principal = principal;
  }

  /** The caller; only ever called behind the authentication guard. */
  principal(): Principal {
    const principal = this.optionalPrincipal();
    if (!principal) throw new Error('No principal in this context: a tenant query outside an authenticated request');
    return principal;
  }

  optionalPrincipal(): Principal | undefined {
    return this.storage.getStore()?.principal;
  }

  requestId(): string | undefined {
    return this.storage.getStore()?.requestId;
  }

  runningTransaction(): TenantTransaction | undefined {
    return this.storage.getStore()?.transaction;
  }

  /** Runs `work` with `transaction` as the running one, for nested calls to join. */
  withTransaction<T>(transaction: TenantTransaction, work: () => Promise<T>): Promise<T> {
    return this.storage.run({ ...this.storage.getStore(), transaction }, work);
  }

  /** Runs `work` as `principal` outside a request (jobs, seeding). */
  runAs<T>(principal: Principal, work: () => Promise<T>): Promise<T> {
    return this.storage.run({ ...this.storage.getStore(), principal, transaction: undefined }, work);
  }
}
