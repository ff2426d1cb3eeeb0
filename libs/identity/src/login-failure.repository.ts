import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { LoginFailureEntity } from './identity.entities';

/** The failed sign-ins of one e-mail address within the throttle window. */
export interface LoginFailureWindow {
  failures: number;
  /** Seconds until the oldest failure in the window leaves it; null when there is none. */
  retryAfter: number | null;
}

@Injectable()
export class LoginFailureRepository {
  async record(tx: Transaction, email: string): Promise<void> {
    await tx.manager.insert(LoginFailureEntity, { email });
  }

  async clear(tx: Transaction, email: string): Promise<void> {
    await tx.manager.delete(LoginFailureEntity, { email });
  }

  async window(tx: Transaction, email: string, windowSeconds: number): Promise<LoginFailureWindow> {
    const [window] = await tx.manager.query<[LoginFailureWindow]>(
      `SELECT count(*)::int AS failures,
                ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $2) - now()))::int AS "retryAfter"
           FROM login_failure WHERE email = $1 AND failed_at > now() - make_interval(secs => $2)`,
      [email, windowSeconds],
    );
    return window;
  }
}
