import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { DeliveryStatus, WebhookDeliveryEntity, WebhookEvent } from './notifications.entities';

/** A delivery with what sending it needs from its subscription. */
export interface DeliveryToSend {
  id: string;
  status: DeliveryStatus;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
  /** False once the subscription is removed: the delivery is then not sent. */
  active: boolean;
}

export interface NewDelivery {
  subscriptionId: string;
  event: WebhookEvent;
  /** The same for every subscription that receives the event. */
  eventId: string;
  payload: Record<string, unknown>;
}

export interface DeliveryAttempt {
  status: DeliveryStatus;
  error: string | null;
  responseStatus: number | null;
}

/** The webhook_delivery table: one event for one subscription, and its attempts so far. */
@Injectable()
export class WebhookDeliveryRepository {
  /** PENDING deliveries, in one statement; answers their ids. */
  async insertMany(tx: Transaction, deliveries: readonly NewDelivery[]): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const rows = await tx.manager.query<Array<{ id: string }>>(
      `INSERT INTO webhook_delivery (subscription_id, organisation_id, event, event_id, payload)
       SELECT s.id, s.organisation_id, t.event, t.event_id, t.payload
         FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::jsonb[]) AS t(subscription_id, event, event_id, payload)
         JOIN webhook_subscription s ON s.id = t.subscription_id
       RETURNING id`,
      [
        deliveries.map((d) => d.subscriptionId),
        deliveries.map((d) => d.event),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => JSON.stringify(d.payload)),
      ],
    );
    return rows.map((row) => row.id);
  }

  /** A page of the subscription's deliveries (in one state, if asked), newest first, with how many match. */
  pageOf(
    tx: Transaction,
    subscriptionId: string,
    filter: { status?: DeliveryStatus; page: number; limit: number },
  ): Promise<[WebhookDeliveryEntity[], number]> {
    return tx.manager.findAndCount(WebhookDeliveryEntity, {
      where: { subscriptionId, ...(filter.status ? { status: filter.status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (filter.page - 1) * filter.limit,
      take: filter.limit,
    });
  }

  async findToSend(tx: Transaction, id: string): Promise<DeliveryToSend | null> {
    const [delivery] = await tx.manager.query<DeliveryToSend[]>(
      `SELECT d.id, d.status, d.payload, s.url, s.secret, s.active
         FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
        WHERE d.id = $1`,
      [id],
    );
    return delivery ?? null;
  }

  /** Counts an attempt and records its outcome; a DELIVERED one gets its delivery time. */
  async recordAttempt(tx: Transaction, id: string, attempt: DeliveryAttempt): Promise<void> {
    await tx.manager.query(
      `UPDATE webhook_delivery SET status = $2::varchar, attempts = attempts + 1, last_attempt_at = now(), last_error = $3, last_response_status = $4,
              delivered_at = CASE WHEN $2::varchar = 'DELIVERED' THEN now() END
        WHERE id = $1`,
      [id, attempt.status, attempt.error, attempt.responseStatus],
    );
  }
}
