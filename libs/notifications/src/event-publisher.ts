import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JobQueue } from '@wmo/jobs';
import type { Transaction } from '@wmo/tenancy';
import { NewNotification, NotificationRepository } from './notification.repository';
import type { WebhookEvent } from './notifications.entities';
import { newlyNotified, subscriptionsFor } from './notifications.rules';
import { NewDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WEBHOOK_OPTIONS, WebhookOptions } from './webhook-options';
import { WEBHOOK_QUEUE, WebhookJob } from './webhook-queue';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

export type NotificationDraft = NewNotification;

export interface EventDraft {
  event: WebhookEvent;
  organisationIds: string[];
  data: Record<string, unknown>;
}

/**
 * Writes what organisations should know, in the caller's transaction (the platform's: an
 * evaluation, an invoice run; or `tx.unscopedWithin` for an event for another organisation):
 * notifications once per fact, and one webhook delivery per active subscription, each queued as
 * a job in that same transaction (an outbox: nothing is sent for work that rolls back, nothing is
 * lost for work that commits).
 */
@Injectable()
export class EventPublisher {
  constructor(
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  /** Inserts the notifications that are new; returns those. */
  async notify(tx: Transaction, drafts: NotificationDraft[]): Promise<NotificationDraft[]> {
    if (drafts.length === 0) return [];
    return newlyNotified(drafts, await this.notifications.insertNew(tx, drafts));
  }

  /** Queues one delivery per active subscription of the organisations to the event; returns how many. */
  async publish(tx: Transaction, events: EventDraft[]): Promise<number> {
    const organisations = [...new Set(events.flatMap((e) => e.organisationIds))];
    if (organisations.length === 0) return 0;
    const subscriptions = await this.subscriptions.activeOfOrganisations(tx, organisations);
    if (subscriptions.length === 0) return 0;
    const deliveries: NewDelivery[] = [];
    for (const event of events) {
      const targets = subscriptionsFor(event, subscriptions);
      if (targets.length === 0) continue;
      const eventId = randomUUID();
      const payload = { type: event.event, timestamp: new Date().toISOString(), data: event.data };
      for (const target of targets)
        deliveries.push({ subscriptionId: target.id, event: event.event, eventId, payload });
    }
    // The deliveries, and then their jobs, in one statement each, in this transaction.
    const deliveryIds = await this.deliveries.insertMany(tx, deliveries);
    const retry = { limit: this.options.retryLimit, delaySeconds: this.options.retryDelaySeconds, backoff: true };
    await this.jobs.sendMany<WebhookJob>(
      tx,
      WEBHOOK_QUEUE,
      deliveryIds.map((deliveryId) => ({ data: { deliveryId }, options: { singletonKey: deliveryId, retry } })),
    );
    return deliveryIds.length;
  }
}
