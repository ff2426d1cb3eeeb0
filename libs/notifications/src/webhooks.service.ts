import { Inject, Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  ListWebhookDeliveriesQuery,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
} from './dto/notifications.dto';
import { WebhookDeliveryEntity, WebhookEvent, WebhookSubscriptionEntity } from './notifications.entities';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';
import { checkWebhookUrl } from './notifications.rules';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WEBHOOK_OPTIONS, WebhookOptions } from './webhook-options';
import { resolvedTargetProblem } from './webhook-target';
import { newWebhookSecret } from './webhook-signature';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

const toDto = (s: WebhookSubscriptionEntity): WebhookDto => ({
  id: s.id,
  url: s.url,
  events: s.events,
  description: s.description,
  createdAt: s.createdAt.toISOString(),
});

const toDeliveryDto = (d: WebhookDeliveryEntity): WebhookDeliveryDto => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  lastResponseStatus: d.lastResponseStatus,
  lastError: d.lastError,
  payload: d.payload,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
});

/** An organisation's webhook endpoints (its ORG_ADMIN) and their deliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveryRows: WebhookDeliveryRepository,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  list(): Promise<WebhookDto[]> {
    return this.db.transaction(async (tx) =>
      (await this.subscriptions.activeOf(tx, tx.principal.organisationId)).map(toDto),
    );
  }

  /** The secret is in this answer only. */
  async create(dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const { allowHttp, allowPrivateAddresses } = this.options;
    const { url, problem } = checkWebhookUrl(dto.url, allowHttp, allowPrivateAddresses);
    if (problem) throw new RequestValidationError([problem]);
    // A host name is resolved now (and again at every delivery, webhook-deliverer.ts).
    const resolved = allowPrivateAddresses ? null : await resolvedTargetProblem(new URL(url).hostname);
    if (resolved) throw new RequestValidationError([resolved]);
    return this.db.transaction(async (tx) => {
      const secret = newWebhookSecret();
      const subscription = await this.subscriptions.insert(tx, {
        organisationId: tx.principal.organisationId,
        url,
        events: dto.events as WebhookEvent[],
        description: dto.description?.trim() || null,
        secret,
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
      const subscription = await this.find(tx, id, true);
      await this.subscriptions.deactivate(tx, id);
      await tx.audit({
        action: 'webhook.removed',
        entityType: 'webhook',
        entityId: id,
        before: { url: subscription.url, events: subscription.events },
      });
    });
  }

  /** A removed webhook's deliveries stay readable. */
  deliveries(id: string, query: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryPageDto> {
    return this.db.transaction(async (tx) => {
      await this.find(tx, id, false);
      const [items, total] = await this.deliveryRows.pageOf(tx, id, query);
      return { items: items.map(toDeliveryDto), total, page: query.page, limit: query.limit };
    });
  }

  private async find(tx: TenantTransaction, id: string, activeOnly: boolean): Promise<WebhookSubscriptionEntity> {
    const subscription = await this.subscriptions.find(tx, tx.principal.organisationId, id, activeOnly);
    if (!subscription)
      throw new NotificationsError(
        NotificationsErrorCode.WebhookNotFound,
        `There is no webhook ${id} in your organisation.`,
      );
    return subscription;
  }
}
