import { Injectable } from '@nestjs/common';
import { sha256 } from './credentials';
import { VerifiedTokenCache } from './verified-token-cache';

/**
 * What this process has verified, shared by the strategies (which fill it) and the rate limit
 * (which reads it, before a guard runs, to count a request against its principal rather than
 * against whatever header it sent). Nothing here is ever filled from an unverified credential.
 */
@Injectable()
export class VerifiedCredentials {
  readonly tokens = new VerifiedTokenCache();
  /** SHA-256 of an API key that verified, and the key's id. */
  private readonly apiKeys = new Map<string, string>();
  private readonly capacity = 10_000;

  rememberApiKey(secret: string, apiKeyId: string): void {
    const hash = sha256(secret);
    if (this.apiKeys.has(hash)) return;
    if (this.apiKeys.size >= this.capacity) this.apiKeys.delete(this.apiKeys.keys().next().value!);
    this.apiKeys.set(hash, apiKeyId);
  }

  /** The id of an API key that verified before; undefined for any other secret (no database read). */
  apiKeyId(secret: string): string | undefined {
    return this.apiKeys.get(sha256(secret));
  }
}
