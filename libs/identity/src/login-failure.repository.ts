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
  /**
   * Counts a sign-in attempt as a failure before its password is checked (a right password clears
   * the address's failures afterwards), unless the address is already locked: then nothing is
   * recorded. A transaction lock per address makes the count and the insert one step, so that of
   * any number of parallel attempts at most `maxFailures` get through. Answers the window as it
   * was before this attempt.
   */
  async recordAttemptUnlessLocked(
    tx: Transaction,
    email: string,
    windowSeconds: number,
    maxFailures: number,
  ): Promise<LoginFailureWindow> {
    // Its own statement: the next one's snapshot is taken after the lock, so it sees every attempt committed before.
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('login:' || $1, 13))`, [email]);
    const [window] = await tx.manager.query<[LoginFailureWindow]>(
      `WITH recent AS (
         SELECT count(*)::int AS failures,
                ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $2) - now()))::int AS "retryAfter"
           FROM login_failure WHERE email = $1 AND failed_at > now() - make_interval(secs => $2)
       ), attempt AS (
         INSERT INTO login_failure (email) SELECT $1 FROM recent WHERE failures < $3
       )
       SELECT failures, "retryAfter" FROM recent`,
      [email, windowSeconds, maxFailures],
    );
    return window;
  }

  async clear(tx: Transaction, email: string): Promise<void> {
    await tx.manager.delete(LoginFailureEntity, { email });
  }
}
