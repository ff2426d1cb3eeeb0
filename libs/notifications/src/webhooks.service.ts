import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { ScopedDatabase, UnscopedDatabase } from '@wmo/tenancy';
import { CreatedWebhookDto, CreateWebhookDto, WebhookDeliveryDto, WebhookDto } from './dto/notifications.dto';
import { WebhookDeliveryEntity, WebhookEvent, WebhookSubscriptionEntity } from './notifications.entities';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';
import { WEBHOOK_OPTIONS, WebhookOptions } from './webhook-options';
import { newWebhookSecret, webhookSignature } from './webhook-signature';

const toDto = (s: WebhookSubscriptionEntity): WebhookDto => ({
  id: s.id,
  url: s.url,
  events: s.events,
  description: s.description,
  createdAt: s.createdAt.toISOString(),
});

/** An organisation's webhook endpoints (its ORG_ADMIN) and their deliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: ScopedDatabase,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  list(): Promise<WebhookDto[]> {
    return this.db.transaction(async (tx) => {
      const subscriptions = await tx.manager
        .getRepository(WebhookSubscriptionEntity)
        .findBy({ organisationId: tx.principal.organisationId, active: true });
      return subscriptions.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(toDto);
    });
  }

  /** The secret is in this answer only. */
  create(dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const url = this.checkedUrl(dto.url);
    return this.db.transaction(async (tx) => {
      const secret = newWebhookSecret();
      const subscription = await tx.manager.getRepository(WebhookSubscriptionEntity).save({
        organisationId: tx.principal.organisationId,
        url,
        events: dto.events as WebhookEvent[],
        description: dto.description?.trim() || null,
        secret,
        active: true,
        createdByUserId: tx.principal.userId,
      });
      await tx.audit({
        action: 'webhook.created',
        entityType: 'webhook',
        entityId: subscription.id,
        after: { url, events: dto.events },
      });
      return { ...toDto(subscription), secret };
    });
  }

  /** Stops deliveries at once; the deliveries so far are kept for the record. */
  remove(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const subscription = await tx.manager
        .getRepository(WebhookSubscriptionEntity)
        .findOneBy({ id, organisationId: tx.principal.organisationId, active: true });
      if (!subscription)
        throw new NotificationsError(
          NotificationsErrorCode.WebhookNotFound,
          `There is no webhook ${id} in your organisation.`,
        );
      await tx.manager.update(WebhookSubscriptionEntity, { id }, { active: false });
      await tx.audit({
        action: 'webhook.removed',
        entityType: 'webhook',
        entityId: id,
        before: { url: subscription.url, events: subscription.events },
      });
    });
  }

  deliveries(id: string): Promise<WebhookDeliveryDto[]> {
    return this.db.transaction(async (tx) => {
      const subscription = await tx.manager
        .getRepository(WebhookSubscriptionEntity)
        .findOneBy({ id, organisationId: tx.principal.organisationId });
      if (!subscription)
        throw new NotificationsError(
          NotificationsErrorCode.WebhookNotFound,
          `There is no webhook ${id} in your organisation.`,
        );
      const deliveries = await tx.manager.find(WebhookDeliveryEntity, {
        where: { subscriptionId: id },
        order: { createdAt: 'DESC' },
        take: 200,
      });
      return deliveries.map((d) => ({
        id: d.id,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        lastResponseStatus: d.lastResponseStatus,
        lastError: d.lastError,
        payload: d.payload,
        createdAt: d.createdAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
      }));
    });
  }

  private checkedUrl(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw new RequestValidationError([
        { field: 'url', message: 'url must be an absolute URL such as https://example.nl/hooks' },
      ]);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.options.allowHttp)) {
      throw new RequestValidationError([
        { field: 'url', message: this.options.allowHttp ? 'url must use https or http' : 'url must use https' },
      ]);
    }
    if (url.username || url.password)
      throw new RequestValidationError([
        { field: 'url', message: 'url must not contain a user name or password; deliveries are signed instead' },
      ]);
    return url.toString();
  }
}

interface DeliveryRow {
  id: string;
  status: string;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
  active: boolean;
}

/** Sends one delivery (a job); a failed attempt throws so that the job queue retries it with backoff. */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly unscoped: UnscopedDatabase,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  async deliver(deliveryId: string, retryCount: number): Promise<void> {
    const [delivery] = await this.unscoped.unscopedSystemTransaction(({ manager }) =>
      manager.query<DeliveryRow[]>(
        `SELECT d.id, d.status, d.payload, s.url, s.secret, s.active FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id WHERE d.id = $1`,
        [deliveryId],
      ),
    );
    if (!delivery || delivery.status !== 'PENDING') return;
    if (!delivery.active) {
      await this.record(deliveryId, {
        status: 'FAILED',
        error: 'The webhook was removed before delivery.',
        responseStatus: null,
      });
      return;
    }
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let outcome: { ok: boolean; responseStatus: number | null; error: string | null };
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'wmo-luisterend-oor-webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(delivery.secret, delivery.id, timestamp, body),
        },
        body,
      });
      await response.body?.cancel();
      outcome = {
        ok: response.status >= 200 && response.status < 300,
        responseStatus: response.status,
        error: response.ok ? null : `HTTP ${response.status}`,
      };
    } catch (error) {
      outcome = { ok: false, responseStatus: null, error: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.ok) {
      await this.record(deliveryId, { status: 'DELIVERED', error: null, responseStatus: outcome.responseStatus });
      return;
    }
    const last = retryCount >= this.options.retryLimit;
    await this.record(deliveryId, {
      status: last ? 'FAILED' : 'PENDING',
      error: outcome.error,
      responseStatus: outcome.responseStatus,
    });
    this.logger.warn(
      { deliveryId, attempt: retryCount + 1, error: outcome.error },
      last ? 'Webhook delivery failed for good' : 'Webhook delivery failed; will retry',
    );
    if (!last) throw new Error(`Webhook delivery ${deliveryId} failed: ${outcome.error}`);
  }

  private record(
    id: string,
    result: { status: string; error: string | null; responseStatus: number | null },
  ): Promise<unknown> {
    return this.unscoped.unscopedSystemTransaction(({ manager }) =>
      manager.query(
        `UPDATE webhook_delivery SET status = $2::varchar, attempts = attempts + 1, last_attempt_at = now(), last_error = $3, last_response_status = $4,
                delivered_at = CASE WHEN $2::varchar = 'DELIVERED' THEN now() END
          WHERE id = $1`,
        [id, result.status, result.error, result.responseStatus],
      ),
    );
  }
}
