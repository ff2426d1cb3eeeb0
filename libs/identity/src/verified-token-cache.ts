import { Principal } from '@wmo/tenancy';

/**
 * Remembers access tokens that passport-jwt has verified, until they expire, so that a client's
 * next requests with the same token skip re-parsing and re-checking it (about a tenth of the cost
 * of a read in npm run bench). The key is the whole token, signature included: a token that
 * differs in any byte is verified afresh. It remembers only what the token says; whether the
 * credential was revoked since is asked on every request (CredentialRevocations).
 */
export class VerifiedTokenCache<T = Principal> {
  private readonly entries = new Map<string, { value: T; expiresAtMs: number }>();

  constructor(private readonly capacity = 10_000) {}

  get(token: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, value: T, expiresAtSeconds: number): void {
    if (this.entries.size >= this.capacity) {
      // Maps iterate in insertion order: drop the oldest.
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(token, { value, expiresAtMs: expiresAtSeconds * 1000 });
  }

  delete(token: string): void {
    this.entries.delete(token);
  }
}
