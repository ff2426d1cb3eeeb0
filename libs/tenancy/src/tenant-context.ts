import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Principal } from './principal';

const PRINCIPAL = 'principal';
const REQUEST_ID = 'requestId';

/** The caller of the current request, kept in async local storage (nestjs-cls) by the authentication guard. */
@Injectable()
export class TenantContext {
  constructor(private readonly cls: ClsService) {}

  setPrincipal(principal: Principal): void {
    this.cls.set(PRINCIPAL, principal);
  }

  setRequestId(requestId: string): void {
    if (this.cls.isActive()) this.cls.set(REQUEST_ID, requestId);
  }

  /** The caller; only ever called behind the authentication guard. */
  principal(): Principal {
    const principal = this.optionalPrincipal();
    if (!principal) throw new Error('No principal in this context: a tenant query outside an authenticated request');
    return principal;
  }

  optionalPrincipal(): Principal | undefined {
    return this.cls.isActive() ? this.cls.get<Principal | undefined>(PRINCIPAL) : undefined;
  }

  requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.get<string | undefined>(REQUEST_ID) : undefined;
  }

  /** Runs `work` as `principal` outside a request (jobs, seeding). */
  runAs<T>(principal: Principal, work: () => Promise<T>): Promise<T> {
    return this.cls.run(async () => {
      this.cls.set(PRINCIPAL, principal);
      return work();
    });
  }
}
