import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Transaction } from '@wmo/tenancy';
import { WebhookEvent, WebhookSubscriptionEntity } from './notifications.entities';

export interface NewWebhookSubscription {
  organisationId: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  secret: string;
  createdByUserId: string | null;
}

/** The webhook_subscription table: an organisation's endpoints. A removed one stays, inactive, for its deliveries' record. */
@Injectable()
export class WebhookSubscriptionRepository {
  /** The organisation's active subscriptions, oldest first. */
  activeOf(tx: Transaction, organisationId: string): Promise<WebhookSubscriptionEntity[]> {
    return tx.manager.find(WebhookSubscriptionEntity, {
      where: { organisationId, active: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** The active subscriptions of these organisations. */
  activeOfOrganisations(tx: Transaction, organisationIds: readonly string[]): Promise<WebhookSubscriptionEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return tx.manager.findBy(WebhookSubscriptionEntity, { organisationId: In([...organisationIds]), active: true });
  }

  /** One subscription of the organisation; with `activeOnly`, null for a removed one. */
  find(
    tx: Transaction,
    organisationId: string,
    id: string,
    activeOnly: boolean,
  ): Promise<WebhookSubscriptionEntity | null> {
    return tx.manager.findOneBy(WebhookSubscriptionEntity, {
      id,
      organisationId,
      ...(activeOnly ? { active: true } : {}),
    });
  }

  insert(tx: Transaction, subscription: NewWebhookSubscription): Promise<WebhookSubscriptionEntity> {
    return tx.manager.save(WebhookSubscriptionEntity, { ...subscription, active: true });
  }

  async deactivate(tx: Transaction, id: string): Promise<void> {
    await tx.manager.update(WebhookSubscriptionEntity, { id }, { active: false });
  }
}
