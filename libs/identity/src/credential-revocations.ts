import { Injectable } from '@nestjs/common';
import { ACCESS_TOKEN_TTL_SECONDS } from './identity.options';

/** The PostgreSQL channel on which a change to a user's credentials or the end of a session is announced. */
export const CREDENTIALS_CHANNEL = 'wmo_credentials';

/** What an access token says about the credential it was issued for (claims `sub`, `ver`, `sid`). */
export interface AccessCredential {
  userId: string;
  /** The user's credentials version when the token was issued. */
  version: number;
  /** The session (refresh-token family) the token belongs to. */
  sessionId: string;
}

/** A message on CREDENTIALS_CHANNEL (JSON), sent in the transaction that made the change. */
export type CredentialEvent = { user: string; version: number } | { session: string };

/** Sessions ended this long ago can have no unexpired access token left (a minute for clocks and latency). */
const SESSION_MEMORY_MS = (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;

/**
 * What this process knows of credentials that changed since their access tokens were issued: per
 * user the current credentials version (raised by a change of roles, deactivation), and the
 * sessions ended (logout, refresh-token reuse) within an access token's lifetime. Filled at start
 * from the database, then by NOTIFY on CREDENTIALS_CHANNEL (see CredentialEventsListener), and at
 * once by this process's own changes. Everything only grows or ends (versions rise, ended sessions
 * stay ended), so applying a fact twice, late or out of order is harmless.
 *
 * Asked on every request with an access token: two Map lookups, no database.
 */
@Injectable()
export class CredentialRevocations {
  private readonly versions = new Map<string, number>();
  private readonly endedSessions = new Map<string, number>();
  private lastPruneMs = 0;

  allows(credential: AccessCredential, now = Date.now()): boolean {
    const current = this.versions.get(credential.userId);
    if (current !== undefined && credential.version < current) return false;
    const endedUntil = this.endedSessions.get(credential.sessionId);
    return endedUntil === undefined || endedUntil <= now;
  }

  userChanged(userId: string, version: number): void {
    if (version > (this.versions.get(userId) ?? -1)) this.versions.set(userId, version);
  }

  /** `ageSeconds`: how long ago it ended (when loaded from the database). */
  sessionEnded(sessionId: string, ageSeconds = 0, now = Date.now()): void {
    const until = now + SESSION_MEMORY_MS - Math.max(0, ageSeconds) * 1000;
    if (until <= now) return;
    this.endedSessions.set(sessionId, Math.max(until, this.endedSessions.get(sessionId) ?? 0));
    if (now - this.lastPruneMs > 60_000) this.prune(now);
  }

  /** A message from CREDENTIALS_CHANNEL; anything malformed is ignored. */
  apply(payload: string): void {
    let event: Partial<{ user: unknown; version: unknown; session: unknown }>;
    try {
      event = JSON.parse(payload) as typeof event;
    } catch {
      return;
    }
    if (typeof event?.user === 'string' && typeof event.version === 'number')
      this.userChanged(event.user, event.version);
    else if (typeof event?.session === 'string') this.sessionEnded(event.session);
  }

  private prune(now: number): void {
    this.lastPruneMs = now;
    for (const [session, until] of this.endedSessions) if (until <= now) this.endedSessions.delete(session);
  }
}
