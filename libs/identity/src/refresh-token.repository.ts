import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { CREDENTIALS_CHANNEL } from './credential-revocations';
import { RefreshTokenEntity } from './identity.entities';

export interface NewRefreshToken {
  familyId: string;
  userId: string;
  organisationId: string;
  tokenHash: string;
  expiresAt: Date;
}

@Injectable()
export class RefreshTokenRepository {
  findByHash(tx: Transaction, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return tx.manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  async insert(tx: Transaction, token: NewRefreshToken): Promise<void> {
    await tx.manager.insert(RefreshTokenEntity, token);
  }

  /**
   * Marks the token used if it is still usable (not used, revoked or expired), atomically: of two
   * concurrent uses, exactly one gets true.
   */
  async claim(tx: Transaction, id: string): Promise<boolean> {
    const [, claimed] = await tx.manager.query<[unknown[], number]>(
      `UPDATE refresh_token SET used_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
      [id],
    );
    return claimed > 0;
  }

  /**
   * Ends every session of a sign-in, and its access tokens: the end is announced on
   * CREDENTIALS_CHANNEL, delivered to every API process when the transaction commits.
   */
  async revokeFamily(tx: Transaction, familyId: string, reason: string): Promise<void> {
    await tx.manager.query(
      `WITH revoked AS (
         UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL
       )
       SELECT pg_notify($3, json_build_object('session', $1::text)::text)`,
      [familyId, reason, CREDENTIALS_CHANNEL],
    );
  }

  /** Sessions ended within the last `seconds`, with how many seconds ago: what a starting process must know. */
  recentlyEndedSessions(tx: Transaction, seconds: number): Promise<{ sessionId: string; ageSeconds: number }[]> {
    return tx.manager.query(
      `SELECT family_id AS "sessionId", extract(epoch FROM now() - max(revoked_at))::float8 AS "ageSeconds"
         FROM refresh_token WHERE revoked_at > now() - make_interval(secs => $1)
        GROUP BY family_id`,
      [seconds],
    );
  }

  /** Ends every session of a user. */
  async revokeForUser(tx: Transaction, userId: string, reason: string): Promise<void> {
    await tx.manager.query(
      `UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }
}
