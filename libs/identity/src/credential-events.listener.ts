import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Client } from 'pg';
import { UnscopedDatabase } from '@wmo/tenancy';
import { CREDENTIALS_CHANNEL, CredentialRevocations } from './credential-revocations';
import { ACCESS_TOKEN_TTL_SECONDS } from './identity.options';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserRepository } from './user.repository';

const RECONNECT_DELAY_MS = 500;
/** How often the listening connection is proved alive, and how long its answer may take. */
const PROBE_INTERVAL_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Keeps this process's CredentialRevocations in step with every other process on the database: a
 * dedicated connection (not one of the pool's) LISTENs on CREDENTIALS_CHANNEL, and after each
 * (re)connect the current state is read once, after LISTEN, so that no change committed meanwhile
 * is missed. While the connection is down (it is retried every half second) changes made through
 * other processes are not seen; this process's own changes always are.
 */
@Injectable()
export class CredentialEventsListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CredentialEvents');
  private client: Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private probe: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly revocations: CredentialRevocations,
  ) {}

  /** The API does not start without it: accepting tokens without knowing their revocations would be unsafe. */
  onModuleInit(): Promise<void> {
    return this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    if (this.probe) clearInterval(this.probe);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = this.unscoped.unscopedDedicatedClient('wmo-credential-events');
    client.on('notification', (message) => {
      if (message.channel === CREDENTIALS_CHANNEL && message.payload) this.revocations.apply(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CREDENTIALS_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      await this.load();
      this.watch(client);
    } catch (error) {
      this.client = null;
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private async load(): Promise<void> {
    const [versions, sessions] = await this.unscoped.unscopedSystemTransaction(async (tx) => [
      await this.users.credentialVersions(tx),
      await this.refreshTokens.recentlyEndedSessions(tx, ACCESS_TOKEN_TTL_SECONDS + 60),
    ]);
    for (const { id, version } of versions) this.revocations.userChanged(id, version);
    const now = Date.now();
    for (const { sessionId, ageSeconds } of sessions) this.revocations.sessionEnded(sessionId, ageSeconds, now);
  }

  /**
   * A listening connection can be dropped without an error reaching us (an idle timeout in the
   * network): a query on it every PROBE_INTERVAL_MS proves it alive, else it counts as lost and the
   * listener reconnects and reloads what it may have missed.
   */
  private watch(client: Client): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = setInterval(() => {
      if (this.client !== client) return;
      const timeout = setTimeout(() => this.lost(client, new Error('no answer to the probe')), PROBE_TIMEOUT_MS);
      // An empty statement: a round trip and nothing else.
      client.query(';').then(
        () => clearTimeout(timeout),
        (error: Error) => {
          clearTimeout(timeout);
          this.lost(client, error);
        },
      );
    }, PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    this.logger.warn({ err: error }, 'Lost the connection that listens for credential changes; reconnecting');
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      if (this.stopped) return;
      this.connect().then(
        () => this.logger.log('Listening for credential changes again'),
        (error: Error) => {
          this.logger.warn({ err: error }, 'Could not reconnect the credential listener; trying again');
          this.scheduleReconnect();
        },
      );
    }, RECONNECT_DELAY_MS);
  }
}
